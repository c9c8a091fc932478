// The cluster as the node that answers sees it (GET /v1/cluster, admin only): the store, whether
// this node leads and is ready, who leads, and how far it has applied the log.

import { api } from '../api.js';
import { facts, h, muted, section } from '../dom.js';

export async function clusterPage() {
  const c = await api('/v1/cluster');
  const yes = (b) => (b ? 'yes' : 'no');
  return h('div', null,
    h('h1', null, 'Cluster'),
    section('Store', facts([
      ['Store', h('strong', { id: 'cluster-store' }, c.store === 'kafka' ? 'Kafka (the _schemas topic)' : 'embedded (SQLite)')],
      ['Kafka cluster', c.kafkaClusterId || muted('none')],
      ['Group id', c.groupId],
      ['Version', `${c.version} (${c.commitId})`],
    ])),
    section('Instances', facts([
      ['This node leads', h('span', { id: 'cluster-leader' }, yes(c.node.leader))],
      ['This node is ready', h('span', { id: 'cluster-ready' }, yes(c.node.ready))],
      ['Leader', c.leaderUrl ? h('code', null, c.leaderUrl) : muted(c.node.leader ? 'this node' : 'not known yet')],
    ]), h('p', { class: 'muted' }, 'Each node answers for itself: the console asks the node it was loaded from.')),
    section('Log', facts([
      ['Last offset applied', c.logOffset === undefined ? muted('not gauged') : h('span', { id: 'cluster-offset' }, String(c.logOffset))],
      ['Records not applied yet', c.logLagRecords ?? muted('not gauged')],
      ['Subjects', c.subjects ?? muted('not gauged')],
      ['Versions', c.versions ?? muted('not gauged')],
      ['Schemas', c.schemas ?? muted('not gauged')],
    ])));
}
