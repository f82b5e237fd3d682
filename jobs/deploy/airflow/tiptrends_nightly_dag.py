"""tip-trends nightly build as an Apache Airflow DAG.

Submits the packaged job (jobs/target/tiptrends-jobs.jar, Spark not inside) with spark-submit
through the Spark connection ``spark_default`` (Admin -> Connections: host ``yarn``,
``spark://host:7077`` or ``k8s://https://...``; extra ``{"deploy-mode": "cluster"}``), with
apache-airflow-providers-apache-spark installed.

No JVM flags are passed: spark-submit (Spark's launcher) already adds the --add-opens options
Spark needs on Java 17 to the driver and the executors; the jar's manifest only matters for
``java -jar``.

The job itself refuses to run twice on one marts root (exit 3, lock on <marts>/.lock) and never
moves CURRENT unless every mart and every data-quality check is complete. INPUT and MARTS are
Hadoop URIs (hdfs://, s3a:// with hadoop-aws on the cluster) or local paths. On HDFS/S3 the lock is
a file with a heartbeat: a run killed with its driver leaves it until it is stale
(--lock-stale-seconds, default 600 s; see the README), so keep max_active_runs=1 and retry delays
above that.
"""

from datetime import timedelta

import pendulum
from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

JAR = "hdfs:///apps/tip-trends/tiptrends-jobs.jar"  # copy of jobs/target/tiptrends-jobs.jar
INPUT = "hdfs:///data/tip-trends/raw"  # unodc/, worldbank/, ilo/, ucdp/ as downloaded
MARTS = "hdfs:///data/tip-trends/marts"  # version directories, CURRENT, runs.jsonl

default_args = {
    "owner": "data-platform",
    # transient failures (lost executors, a flaky name node) are retried by Airflow; an input or
    # data-quality failure fails the same way again and is left for a human (see the task log:
    # the job prints one line naming the file and the problem)
    "retries": 2,
    "retry_delay": timedelta(minutes=2),
    "retry_exponential_backoff": True,
    "execution_timeout": timedelta(hours=2),
}

with DAG(
    dag_id="tiptrends_nightly",
    description="Read the UNODC, World Bank, ILO and UCDP exports and publish the tip-trends marts",
    schedule="30 2 * * *",
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,  # the job's own lock would refuse a second one anyway (exit 3)
    default_args=default_args,
    tags=["tip-trends", "spark"],
) as dag:
    SparkSubmitOperator(
        task_id="build_marts",
        conn_id="spark_default",
        application=JAR,
        java_class="org.tiptrends.jobs.Main",
        application_args=["run", "--input", INPUT, "--marts", MARTS],
        name="tip-trends-nightly",
        driver_memory="2g",
        executor_memory="4g",
        executor_cores=2,
        num_executors=4,
        conf={
            # the marts are small aggregates; the job sets its own shuffle partitions and time zone
            "spark.dynamicAllocation.enabled": "false",
            # one attempt per Airflow try: a second YARN attempt would race the first for the lock
            "spark.yarn.maxAppAttempts": "1",
        },
        verbose=False,
    )
