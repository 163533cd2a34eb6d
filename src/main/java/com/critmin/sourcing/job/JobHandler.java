package com.critmin.sourcing.job;

/**
 * Runs the jobs of one kind (a CDI bean per kind: "plan", "frontier", "stress-test"). Jobs live in
 * the database, so any replica may run a job, and may run it again after the replica that held it
 * died: {@link #run} must be idempotent and do nothing for a subject that is already final.
 */
public interface JobHandler {

  /** The kind of job this handler runs, e.g. "plan"; the task name in the job table. */
  String kind();

  /**
   * Runs one job. Returning ends the job; throwing lets it run again later, up to the configured
   * attempts, after which {@link #giveUp} is called.
   *
   * @param id the job's subject, e.g. a plan id
   * @param data what {@link Jobs#submit} was given with it, or null
   */
  void run(String id, String data);

  /**
   * The job failed on every attempt (or its replicas died while holding it as often): mark its
   * subject as failed for good, with a reason for the client.
   */
  void giveUp(String id, String reason);
}
