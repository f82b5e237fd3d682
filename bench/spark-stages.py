#!/usr/bin/env python3
"""Summarises a Spark event log: each job with its wall time, stages, tasks and executor CPU.
Usage: bench/spark-stages.py EVENTLOG_DIR_OR_FILE  (spark.eventLog.enabled=true, spark.eventLog.dir=...)"""
import json, os, sys, collections

def events(path):
    files = [path] if os.path.isfile(path) else sorted(
        os.path.join(dp, f) for dp, _, fs in os.walk(path) for f in fs if f.startswith('events_') or f.endswith('.json'))
    for f in files:
        if f.endswith('.zstd'):  # Spark 4 compresses event logs with zstd by default
            import subprocess
            text = subprocess.run(['zstd', '-dc', f], check=True, capture_output=True).stdout.decode('utf-8')
        else:
            text = open(f, encoding='utf-8').read()
        for line in text.splitlines():
            if line.strip():
                yield json.loads(line)

jobs, stage_job, stages = {}, {}, collections.defaultdict(dict)
app_start = app_end = None
for e in events(sys.argv[1]):
    t = e['Event']
    if t == 'SparkListenerApplicationStart': app_start = e['Timestamp']
    elif t == 'SparkListenerApplicationEnd': app_end = e['Timestamp']
    elif t == 'SparkListenerJobStart':
        desc = (e.get('Properties') or {}).get('spark.job.description') or ''
        callsite = (e.get('Properties') or {}).get('callSite.short') or ''
        jobs[e['Job ID']] = dict(start=e['Submission Time'], stages=e['Stage IDs'], desc=desc or callsite)
        for s in e['Stage IDs']: stage_job[s] = e['Job ID']
    elif t == 'SparkListenerJobEnd': jobs[e['Job ID']]['end'] = e['Completion Time']
    elif t == 'SparkListenerStageCompleted':
        i = e['Stage Info']
        if 'Submission Time' in i:
            stages[i['Stage ID']].update(name=i['Stage Name'], tasks=i['Number of Tasks'],
                wall=(i['Completion Time'] - i['Submission Time']) / 1000)
    elif t == 'SparkListenerTaskEnd':
        m = e.get('Task Metrics') or {}
        s = stages[e['Stage ID']]
        s['cpu'] = s.get('cpu', 0) + m.get('Executor CPU Time', 0) / 1e9
        s['run'] = s.get('run', 0) + m.get('Executor Run Time', 0) / 1000
        s['in'] = s.get('in', 0) + (m.get('Input Metrics') or {}).get('Bytes Read', 0)
        s['shuffle'] = s.get('shuffle', 0) + (m.get('Shuffle Write Metrics') or {}).get('Shuffle Bytes Written', 0)

t0 = app_start or min(j['start'] for j in jobs.values())
total_job = 0
print(f"{'job':>4} {'at s':>7} {'wall s':>7} {'stages (tasks, run s, cpu s)':<50} call site")
for jid in sorted(jobs):
    j = jobs[jid]
    w = (j.get('end', j['start']) - j['start']) / 1000
    total_job += w
    st = ' '.join(f"{s}({stages[s].get('tasks','-')},{stages[s].get('run',0):.1f},{stages[s].get('cpu',0):.1f})"
                  for s in j['stages'] if stages[s].get('wall') is not None)
    name = j['desc'] or next((stages[s].get('name') for s in reversed(j['stages']) if stages[s].get('name')), '')
    print(f"{jid:>4} {(j['start']-t0)/1000:7.1f} {w:7.2f} {st:<50} {name[:60]}")
print(f"jobs: {len(jobs)}, sum of job wall {total_job:.1f} s, app {((app_end or 0)-t0)/1000 if app_end else float('nan'):.1f} s")
