#!/usr/bin/env bash
# Submit the tip-trends nightly build to Kubernetes (cluster deploy mode: the driver runs in a pod).
#
# Needs: a Spark 4.1.x client (Scala 2.13, Java 17), kubectl access to the namespace, a service
# account the driver may create executor pods with, and an image with Spark, the job and the S3A
# connector, e.g.:
#   FROM apache/spark:4.1.1-scala2.13-java17-ubuntu
#   COPY jobs/target/tiptrends-jobs.jar /opt/tip-trends/tiptrends-jobs.jar
#   # hadoop-aws matching Spark's Hadoop (3.4.2) and its AWS SDK bundle, into /opt/spark/jars/
# No --add-opens flags are needed: spark-submit adds the ones Spark needs on Java 17 to the driver
# and executor pods.
#
# --input and --marts are s3a:// URIs here. The job's lock on S3 is <marts>/.lock, created with a
# conditional PUT (If-None-Match; Hadoop 3.4.2 S3A, fs.s3a.create.conditional.enabled=true, the
# default): atomic on AWS S3; on a store without conditional writes the scheduler must prevent
# overlapping runs (README, "Hadoop file systems"). An endpoint of your own (MinIO, Ceph):
#   --conf spark.hadoop.fs.s3a.endpoint=https://minio.internal:9000
set -euo pipefail

K8S_API=${K8S_API:-https://kubernetes.example.org:6443}
NAMESPACE=${NAMESPACE:-tip-trends}
IMAGE=${IMAGE:-registry.example.org/tip-trends/spark-job:latest}
INPUT=${INPUT:-s3a://tip-trends-data/raw}       # unodc/, worldbank/, ilo/, ucdp/ as downloaded
MARTS=${MARTS:-s3a://tip-trends-data/marts}     # version directories, CURRENT, runs.jsonl

exec spark-submit \
  --master "k8s://${K8S_API}" \
  --deploy-mode cluster \
  --name tip-trends-nightly \
  --class org.tiptrends.jobs.Main \
  --driver-memory 2g \
  --executor-memory 4g \
  --conf spark.executor.instances=3 \
  --conf spark.kubernetes.namespace="${NAMESPACE}" \
  --conf spark.kubernetes.container.image="${IMAGE}" \
  --conf spark.kubernetes.authenticate.driver.serviceAccountName=spark \
  --conf spark.kubernetes.submission.waitAppCompletion=true \
  --conf spark.hadoop.fs.s3a.aws.credentials.provider=software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider \
  --conf spark.hadoop.fs.s3a.path.style.access=true \
  local:///opt/tip-trends/tiptrends-jobs.jar \
  run --input "${INPUT}" --marts "${MARTS}"
# local:// = the jar inside the image. The driver pod ends Completed or Error; the job's one-line
# reason for a failure is in `kubectl logs -n "${NAMESPACE}" <driver pod>` (exit code 1: failed,
# CURRENT unchanged; 3: another run held the lock).
