import Foundation

/// The job board's files: `jobs/<id>.json`, one per job, written like offers (atomically and
/// durably, 0600 in a 0700 folder, never through a link). Changes that two coaches may make
/// at once go through `JobBoard`, which locks each job while it is written.
extension DataStore {
    var jobsDir: URL { root.appendingPathComponent("jobs") }

    func jobFile(_ id: String) -> URL { jobsDir.appendingPathComponent(id + ".json") }

    /// Ids of every job file, sorted.
    public func jobIDs() -> [String] { ids(in: jobsDir) }

    /// Reads one job; problems name the file and field. Throws `RecordProblem` (kind
    /// `.missing` when there is no such job).
    public func loadJob(_ id: String) throws -> BoardJob {
        guard RecordID.isValid(id) else { throw RecordProblem(file: id, reason: .notValidJobID) }
        let url = jobFile(id)
        return try RecordCodec.job(from: try read(url), file: relative(url))
    }

    /// Writes a job to a temp file beside its file (the `jobs` folder is made, 0700, when
    /// missing), to be put in place by `commit()`.
    public func stage(_ job: BoardJob) throws -> AtomicFile.Staged {
        guard RecordID.isValid(job.id) else { throw RecordProblem(file: job.id, reason: .notValidJobID) }
        try AtomicFile.makeDirectory(jobsDir)
        let url = jobFile(job.id)
        return try AtomicFile.Staged(try encodeReadable(job, file: url), for: url, folderMayBeLink: false)
    }

    /// Every job that can be read, and a problem for each one that cannot.
    public func loadJobs() -> (jobs: [BoardJob], problems: [RecordProblem]) {
        loadEach(jobIDs(), folder: "jobs", loadJob)
    }
}
