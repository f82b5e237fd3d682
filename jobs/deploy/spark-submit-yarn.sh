#!/usr/bin/env bash
# Submit the tip-trends nightly build to a Hadoop YARN cluster (cluster deploy mode: the driver runs
# in the YARN application master, so this machine may go away after submitting).
#
# Needs: a Spark 4.1.x (Scala 2.13, Java 17) client with HADOOP_CONF_DIR pointing at the cluster's
# configuration; the jar built with `mvn -B -q package -DskipTests` and copied to HDFS:
#   hdfs dfs -put -f jobs/target/tiptrends-jobs.jar /apps/tip-trends/
# The jar holds only the job and what Spark lacks (POI, picocli, commons-csv): Spark comes from the
# cluster. No --add-opens flags are needed: spark-submit adds the ones Spark needs on Java 17.
#
# --input and --marts are Hadoop URIs; with fs.defaultFS set in HADOOP_CONF_DIR, hdfs:///path names
# the cluster's default name node. The job's lock on HDFS is <marts>/.lock, a file with a heartbeat
# (README, "Hadoop file systems"): a run whose driver was killed leaves it until it is stale.
set -euo pipefail

JAR=${JAR:-hdfs:///apps/tip-trends/tiptrends-jobs.jar}
INPUT=${INPUT:-hdfs:///data/tip-trends/raw}     # unodc/, worldbank/, ilo/, ucdp/ as downloaded
MARTS=${MARTS:-hdfs:///data/tip-trends/marts}   # version directories, CURRENT, runs.jsonl
QUEUE=${QUEUE:-default}

exec spark-submit \
  --master yarn \
  --deploy-mode cluster \
  --queue "${QUEUE}" \
  --name tip-trends-nightly \
  --class org.tiptrends.jobs.Main \
  --driver-memory 2g \
  --executor-memory 4g \
  --executor-cores 2 \
  --num-executors 4 \
  --conf spark.yarn.maxAppAttempts=1 \
  --conf spark.yarn.submit.waitAppCompletion=true \
  "${JAR}" \
  run --input "${INPUT}" --marts "${MARTS}"
# spark.yarn.maxAppAttempts=1: a failed run is retried by the scheduler (cron, Airflow), not by a
# second application attempt racing the first for <marts>/.lock. With waitAppCompletion this
# command exits non-zero when the job fails; its one-line reason is in the driver log:
#   yarn logs -applicationId <id> -log_files stderr
