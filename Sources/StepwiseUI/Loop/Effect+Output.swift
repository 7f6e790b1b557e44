import StepwiseCore

extension Effect {
    /// The participant whose data an effect puts outside the data folder (a printer, a PDF or
    /// calendar file), or nil for any other effect. The shell checks that the record still
    /// exists first: a screen left open on a record erased meanwhile must not bring it back.
    public var outputParticipant: String? {
        switch self {
        case .print(let job): return job.document.participant
        case .saveCalendar(let participant, _, _): return participant.id
        case .savePDF(let job, _): return job.participant
        default: return nil
        }
    }
}
