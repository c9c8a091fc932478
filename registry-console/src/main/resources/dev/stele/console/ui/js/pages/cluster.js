// The cluster as the node that answers sees it (GET /v1/cluster, admin only): the store, whether
// this node leads and is ready, who leads, how far it has applied the log, and every instance of
// the cluster with what each says of itself (the server gathers them; the console asks only the
// node it was loaded from).

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
    section('This node', facts([
      ['URL', c.node.url ? h('code', null, c.node.url) : muted('not known')],
      ['This node leads', h('span', { id: 'cluster-leader' }, yes(c.node.leader))],
      ['This node is ready', h('span', { id: 'cluster-ready' }, yes(c.node.ready))],
      ['Leader', c.leaderUrl ? h('code', null, c.leaderUrl) : muted(c.node.leader ? 'this node' : 'not known yet')],
    ])),
    section('Instances', instancesTable(c.instances ?? []),
      c.instancesComplete === false
        ? h('p', { class: 'alert', id: 'instances-problem', role: 'status' }, 'Not every instance may be listed: ', c.instancesProblem ?? 'reason not given')
        : h('p', { class: 'muted' }, 'Each instance answered for itself when this page was loaded; reload to ask again.')),
    section('Log', facts([
      ['Last offset applied', c.logOffset === undefined ? muted('not gauged') : h('span', { id: 'cluster-offset' }, String(c.logOffset))],
      ['Records not applied yet', c.logLagRecords ?? muted('not gauged')],
      ['Subjects', c.subjects ?? muted('not gauged')],
      ['Versions', c.versions ?? muted('not gauged')],
      ['Schemas', c.schemas ?? muted('not gauged')],
    ])));
}

function instancesTable(instances) {
  return h('div', { class: 'scroll-x' }, h('table', { class: 'grid', id: 'instances' },
    h('caption', { class: 'sr-only' }, 'Every instance of the cluster, with its role and state'),
    h('thead', null, h('tr', null,
      h('th', { scope: 'col' }, 'Instance'), h('th', { scope: 'col' }, 'Role'), h('th', { scope: 'col' }, 'State'),
      h('th', { scope: 'col' }, 'May lead'), h('th', { scope: 'col' }, 'Log offset'))),
    h('tbody', null, instances.map((i) => h('tr', { 'data-url': i.url },
      h('td', null, h('code', null, i.url), i.self ? [' ', h('span', { class: 'badge' }, 'this node')] : null),
      h('td', null, i.role === 'leader' ? h('strong', null, 'leader') : 'follower'),
      h('td', null, state(i)),
      h('td', null, i.leaderEligible ? 'yes' : 'no'),
      h('td', null, i.logOffset === undefined ? muted('—') : String(i.logOffset)))))));
}

function state(i) {
  if (!i.reachable) return [h('span', { class: 'state-bad' }, 'unreachable'), i.problem ? h('small', { class: 'muted problem' }, i.problem) : null];
  if (i.ready === undefined) return muted('not told');
  return i.ready ? h('span', { class: 'state-ok' }, 'ready') : h('span', { class: 'state-bad' }, 'not ready');
}
