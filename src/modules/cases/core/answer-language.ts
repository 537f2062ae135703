/**
 * Is an answer written in English? A petition written in English is answered in English (TAIWAN.md): the
 * answer's Latin words must outnumber its Chinese characters, and there must be a few of them. A place or a
 * unit named in Chinese inside an English answer (「中正三路」) is fine. Pure: unit-tested.
 */
const hanCharacter = /\p{Script=Han}/gu;
const latinWord = /[A-Za-z]+(?:['’-][A-Za-z]+)*/g;

export function isWrittenInEnglish(text: string): boolean {
  const han = text.match(hanCharacter)?.length ?? 0;
  const words = text.match(latinWord)?.length ?? 0;
  return words >= 3 && han <= words;
}
