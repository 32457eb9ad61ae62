// Validates Kubernetes manifests offline, without a cluster: node validate-k8s.mjs [--plan OUT.json] FILE...
// 1. Every object against the Kubernetes API schema (kubernetes-models: the OpenAPI schemas compiled to
//    validators: types, required fields, enums, formats).
// 2. The TextLens recipe's own contract: the shard Job is Indexed, its SHARDS equals its completions, its command
//    passes JOB_COMPLETION_INDEX to --shard; both Jobs mount the same claim, defined in the files, at the same
//    working folder.
// With --plan, writes each Job's container command, environment and working folder, for a local simulation.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';

const kinds = { 'batch/v1 Job': Job, 'v1 PersistentVolumeClaim': PersistentVolumeClaim };
const args = process.argv.slice(2);
const planIndex = args.indexOf('--plan');
const planFile = planIndex >= 0 ? args.splice(planIndex, 2)[1] : null;
const problems = [];
const objects = [];

for (const file of args) {
  for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
    if (doc.errors.length) { problems.push(`${file}: YAML: ${doc.errors[0].message}`); continue; }
    const obj = doc.toJS();
    if (!obj) continue;
    const Model = kinds[`${obj.apiVersion} ${obj.kind}`];
    if (!Model) { problems.push(`${file}: unexpected ${obj.apiVersion} ${obj.kind}`); continue; }
    try {
      new Model(obj).validate();
    } catch (e) {
      const details = (e.errors ?? []).map(x => `${x.instancePath || '/'} ${x.message}`).join('; ');
      problems.push(`${file}: ${obj.kind} ${obj.metadata?.name}: ${details || e.message}`);
      continue;
    }
    objects.push({ file, obj });
  }
}

const jobs = objects.filter(o => o.obj.kind === 'Job');
const claims = new Set(objects.filter(o => o.obj.kind === 'PersistentVolumeClaim').map(o => o.obj.metadata.name));
const plan = [];
for (const { file, obj } of jobs) {
  const spec = obj.spec;
  const pod = spec.template.spec;
  const container = pod.containers[0];
  const env = Object.fromEntries((container.env ?? []).map(e => [e.name, e.value]));
  const script = [...(container.command ?? []), ...(container.args ?? [])].join(' ');
  const where = `${file}: Job ${obj.metadata.name}`;
  for (const v of pod.volumes ?? []) {
    if (v.persistentVolumeClaim && !claims.has(v.persistentVolumeClaim.claimName)) {
      problems.push(`${where}: claim '${v.persistentVolumeClaim.claimName}' is not defined in the files given`);
    }
  }
  if (pod.restartPolicy !== 'Never' && pod.restartPolicy !== 'OnFailure') problems.push(`${where}: a Job's pods need restartPolicy Never or OnFailure`);
  if (/--shard/.test(script)) {
    if (spec.completionMode !== 'Indexed') problems.push(`${where}: --shard needs completionMode Indexed`);
    if (String(spec.completions) !== env.SHARDS) problems.push(`${where}: SHARDS (${env.SHARDS}) must equal completions (${spec.completions})`);
    if (!/\$\{?JOB_COMPLETION_INDEX\}?\/\$\{?SHARDS\}?/.test(script)) problems.push(`${where}: --shard must be "$JOB_COMPLETION_INDEX/$SHARDS"`);
  }
  plan.push({ name: obj.metadata.name, completions: spec.completionMode === 'Indexed' ? spec.completions : 1,
    indexed: spec.completionMode === 'Indexed', command: [...(container.command ?? []), ...(container.args ?? [])],
    env, workingDir: container.workingDir, mountPath: container.volumeMounts?.[0]?.mountPath });
}
const dirs = new Set(plan.map(p => p.workingDir));
if (dirs.size > 1) problems.push(`the Jobs work in different folders: ${[...dirs].join(', ')}`);

for (const p of problems) console.log(`invalid: ${p}`);
console.log(`kubernetes manifests: ${objects.length} object(s) valid, ${problems.length} problem(s)`);
if (planFile && problems.length === 0) writeFileSync(planFile, JSON.stringify(plan, null, 2));
process.exit(problems.length === 0 ? 0 : 1);
