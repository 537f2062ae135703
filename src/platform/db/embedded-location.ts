import { createHash } from 'node:crypto';
import path from 'node:path';

/**
 * Where the embedded PostgreSQL keeps its cluster and runs its programs from (ADR 0005). Pure: the
 * facts about the machine are read by embedded-server.ts and handed in, so the rule is unit-tested.
 *
 * Run as root, PostgreSQL runs as the unprivileged `postgres` user, which may be unable to enter the
 * checkout (a clone in `/root` or in a `mktemp -d` folder, mode 700). Its programs are then run from a
 * copy under `/var/lib/onewindow`, and a new cluster goes there too when the data folder is out of its
 * reach. A cluster that already exists keeps being used where it is: existing installs keep their data.
 */

/** Where root's copies of the programs and the clusters out of the checkout live. */
export const defaultRootHome = '/var/lib/onewindow';

/** The file in DATA_DIR that names a cluster kept outside it (written when such a cluster is created). */
export const clusterPointerFile = 'postgres-cluster';

export interface ClusterFacts {
  /** DATA_DIR, resolved. */
  dataDir: string;
  isRoot: boolean;
  /** The cluster named by DATA_DIR/postgres-cluster, if that file exists. */
  recorded: string | null;
  /** DATA_DIR/postgres holds a cluster (its PG_VERSION exists). */
  hasClusterInDataDir: boolean;
  /** The `postgres` user can enter DATA_DIR (only asked when root; true otherwise). */
  isDataDirReachable: boolean;
  rootHome: string;
}

export type ClusterChoice =
  | {
      kind: 'chosen';
      clusterDir: string;
      /** True when the cluster is outside DATA_DIR and the pointer file must name it. */
      isOutsideDataDir: boolean;
      /** Why, for the first-start output (empty when the cluster is in DATA_DIR as usual). */
      reason: string;
    }
  | { kind: 'unreachable'; clusterDir: string };

/** A short stable name for a folder: the first 16 hex digits of the SHA-256 of its absolute path. */
export function folderHash(folder: string): string {
  return createHash('sha256').update(path.resolve(folder)).digest('hex').slice(0, 16);
}

/** The cluster root uses for a data folder the `postgres` user cannot enter. */
export function clusterOutsideDataDir(rootHome: string, dataDir: string): string {
  return path.join(rootHome, `data-${folderHash(dataDir)}`, 'postgres');
}

/** The copy of the PostgreSQL programs that root runs, one per installed package (version and folder). */
export function binariesCopyFolder(rootHome: string, version: string, sourceFolder: string): string {
  return path.join(rootHome, `pg-${version}-${folderHash(sourceFolder).slice(0, 8)}`);
}

export function chooseClusterLocation(facts: ClusterFacts): ClusterChoice {
  const inDataDir = path.join(facts.dataDir, 'postgres');
  if (facts.recorded !== null) {
    return { kind: 'chosen', clusterDir: facts.recorded, isOutsideDataDir: true, reason: '' };
  }
  if (facts.hasClusterInDataDir) {
    // An existing install: its data stays where it is. As root it must still be reachable.
    if (facts.isRoot && !facts.isDataDirReachable) return { kind: 'unreachable', clusterDir: inDataDir };
    return { kind: 'chosen', clusterDir: inDataDir, isOutsideDataDir: false, reason: '' };
  }
  if (!facts.isRoot || facts.isDataDirReachable) {
    return { kind: 'chosen', clusterDir: inDataDir, isOutsideDataDir: false, reason: '' };
  }
  return {
    kind: 'chosen',
    clusterDir: clusterOutsideDataDir(facts.rootHome, facts.dataDir),
    isOutsideDataDir: true,
    reason: `the "postgres" user cannot enter ${facts.dataDir}`,
  };
}
