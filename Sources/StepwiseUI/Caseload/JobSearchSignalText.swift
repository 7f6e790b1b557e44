import StepwiseCore

/// A job-search signal in words, for the caseload ("no employer contact for 5 weeks").
enum JobSearchSignalText {
    static func text(_ signal: JobSearchSignal, strings s: Localizer) -> String {
        switch signal {
        case .followAlongOverdue(let day): return s("caseload.signal.followOverdue", ["date": s.dayWithWeekday(day, year: false)])
        case .followAlongDue(let day): return s("caseload.signal.followDue", ["date": s.dayWithWeekday(day, year: false)])
        case .noContact(let weeks):
            return s("caseload.signal.noContact", count: weeks)
        case .noContactYet: return s("caseload.signal.noContactYet")
        }
    }
}
