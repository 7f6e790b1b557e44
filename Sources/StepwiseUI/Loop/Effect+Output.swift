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

extension Effect {
    /// True for a save that takes a short lock (an offer's, a participant's journal): when the
    /// lock is held elsewhere the shell keeps it, in order, and makes it again later.
    public var waitsForLock: Bool {
        switch self {
        case .book, .unbook, .saveOffer, .cancelOffer, .markAttendance, .saveParticipant: return true
        default: return false
        }
    }

    /// The offer whose lock a save takes, if it is one.
    public var lockedOffer: String? {
        switch self {
        case .book(_, let offer, _), .unbook(_, let offer), .markAttendance(let offer, _, _): return offer
        case .saveOffer(let offer, _): return offer.id
        case .cancelOffer(let id): return id
        default: return nil
        }
    }

    /// True for a save of a participant's record.
    public var savesParticipant: Bool {
        if case .saveParticipant = self { return true }
        return false
    }
}
