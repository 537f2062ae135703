import { type Choice, type ControlProps, Radios, Select } from './form-controls.tsx';

/** Up to this many answers show as radios, every one in sight; a longer list is a select. */
const mostRadios = 6;

/**
 * A question answered by one of the choices its author wrote (a service's or a report category's own
 * question): radios while the choices are few enough to read at a glance, beyond that a select whose first,
 * empty option says `blank`.
 */
export function ChoiceQuestion(
  props: Omit<ControlProps, 'label'> & {
    label: string;
    value: string;
    choices: readonly Choice[];
    blank: string;
  },
) {
  const { label, blank, ...control } = props;
  return props.choices.length <= mostRadios ? (
    <Radios {...control} legend={label} />
  ) : (
    <Select {...control} label={label} blank={blank} />
  );
}
