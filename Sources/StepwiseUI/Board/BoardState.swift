import StepwiseCore

/// What to do with the job board once it has been read afresh.
public enum BoardFollowUp: Equatable, Sendable {
    /// Offer its open jobs to the open participant.
    case suggest
    /// The citizen said yes: take this job into the open participant's applications, if it
    /// is still open.
    case take(String)
}

/// The job board screen: the selected job and what the list shows.
public struct BoardState: Equatable, Sendable {
    /// Selected row of the filtered list.
    public var selection = 0
    /// Only jobs of this status on the day shown (nil: every job).
    public var status: BoardJob.Status?
    /// Words the title, employer or place must hold (case and accents do not matter).
    public var query = ""

    public init() {}

    /// The jobs to list, in deadline order (`JobBoard.sorted`), that pass the filter on `today`.
    public func list(_ jobs: [BoardJob], today: Day) -> [BoardJob] {
        let folded = SearchText.fold(query)
        return JobBoard.sorted(jobs).filter { job in
            if let status, job.status(on: today) != status { return false }
            return folded.isEmpty || SearchText.fold([job.title, job.employer, job.place].joined(separator: " ")).contains(folded)
        }
    }
}
