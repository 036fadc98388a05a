// Ceph (ceph.io, Eleventy site of the Ceph Foundation). English content under src/en/:
//   news/blog/<year>/<slug>/index.md   frontmatter tags from a predefined taxonomy
//   discover/case-studies/*            the site's case-study section
//   community/events/<year>/<slug>     the site's event pages
// Blog tags: `release` marks the release announcements (v15.2.8 Octopus released, ...);
// `ceph-user-story` user stories; event, community and newsletter tags; the rest are
// technology topics (rgw, s3, performance, bluestore, benchmarks, ...). Release code names
// (luminous, reef, ...) and the bare `ceph` tag say nothing about genre.
const EVENT = new Set(['event', 'events', 'ceph events', 'cephalocon', 'conference', 'ceph-days', 'developer-summit', 'fosdem', 'open-source-day', 'whd2013', 'whd', 'ods', 'openworld', 'owf', 'grace-hopper-celebration', 'ghc', 'presentations', 'videos']);
const COMMUNITY = new Set(['community', 'newsletter', 'governance', 'governing-board', 'internship', 'gsoc', 'user-survey', 'survey', 'ceph ambassadors', 'ceph users', 'anitab.org', 'i18n', 'l10n', 'accessibility', 'a11y', 'open-source']);
const TECH = new Set([
	'rgw', 's3', 'radosgw', 'performance', 'dashboard', 'osd', 'benchmarks', 'benchmarking', 'rbd', 'librbd', 'bluestore', 'iops', 'cephfs',
	'rados', 'nvme', 'cephadm', 'tuning', 'throughput', 'crimson', 'rook', 'erasure-encoding', 'mgr', 'ceph-mgr', 'scalability', 'scaling',
	'rocksdb', 'object', 'object storage', 'object store', 'stretch', 'recovery', 'pg-recovery', 'incomplete-pg', 'troubleshooting', 'nfs',
	'smb', 'monitoring', 'grafana', 'testing', 'upgrade', 'crush', 'qos', 'mclock', 'multisite', 'multi-cluster', 'replication',
	'disaster recovery', 'high availability', 'encryption', 'luks', 'notifications', 'sync policy', 'lua', 'backup', 'snapshots',
	'orchestrator', 'autoscaler', 'logging', 'logs', 'loki', 'promtail', 'centralized logging', 'iscsi', 'qemu', 'kvm', 'asio', 'cpus',
	'cores', 'threads', 'hardware', 'b-tree', 'key-value-store', 'telemetry', 'zabbix', 'kubernetes', 'docker', 'sql', 'sqlite', 'trino',
	'big-data', 'machine-learning', 'pytorch', 'tensoflow', 'ai', 'vectors', 'ann', 'ivf-pq', 'python', 'user accounts', 'rados-nkv', 'gpu-initated',
]);

export default {
	company: 'ceph',
	field: 'distributed storage (open source)',
	repo: 'ceph/ceph.io',
	commit: '35b1ffabae18f66a61798c80c751b7b25e75c68e',
	posts: ['src/en/news/blog/**/*.md', 'src/en/discover/case-studies/**/*.md', 'src/en/community/events/**/*.md'],
	exclude: ['**/README.md', '**/_*.md'],
	brands: ['Ceph', 'Ceph Foundation', 'CephFS', 'RADOS', 'RBD', 'Ceph Object Gateway', 'Cephalocon', 'Ceph Days', 'Inktank'],
	ownedDomains: ['ceph.io', 'ceph.com', 'docs.ceph.com'],
	label({ path, frontmatter }) {
		if (path.startsWith('src/en/discover/case-studies/')) return { label: 'promo', strength: 1, category: 'case-study' };
		if (path.startsWith('src/en/community/events/')) return { label: 'promo', strength: 1, category: 'event' };
		const raw = Array.isArray(frontmatter.tags) ? frontmatter.tags : frontmatter.tags ? [frontmatter.tags] : [];
		const tags = new Set(raw.map((t) => String(t).trim().toLowerCase()));
		if (tags.has('release') || tags.has('pacific-release')) return { label: 'promo', strength: 1, category: 'release' };
		if (tags.has('ceph-user-story')) return { label: 'promo', strength: 1, category: 'case-study' };
		if ([...tags].some((t) => EVENT.has(t))) return { label: 'promo', strength: 0.5, category: 'event' };
		if (tags.has('announcement')) return { label: 'promo', strength: 0.5, category: 'announcement' };
		if ([...tags].some((t) => COMMUNITY.has(t))) return { label: 'other', strength: 1, category: 'community' };
		if (tags.has('tutorial')) return { label: 'expertise', strength: 1, category: 'tutorial' };
		if ([...tags].some((t) => TECH.has(t))) return { label: 'expertise', strength: 0.5, category: 'technical' };
		return { label: 'other', strength: 1, category: 'untagged' };
	},
	// Nunjucks/Liquid tags and expressions of the Eleventy templates.
	clean(body) {
		return body.replace(/\{%[\s\S]*?%\}/g, '').replace(/\{\{[\s\S]*?\}\}/g, '');
	},
};
