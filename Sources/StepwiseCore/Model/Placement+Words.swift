import Foundation

extension Accommodations {
    /// The adjustments agreed, in words of `strings`' language ("shorter days", "a mentor:
    /// Jens", then the other adjustments as written); empty when nothing is agreed. The
    /// screen and the summary both read them from here.
    public func phrases(_ strings: Localizer) -> [String] {
        var agreed: [String] = []
        if shorterDays { agreed.append(strings("accommodation.shorterDays")) }
        if moreBreaks { agreed.append(strings("accommodation.moreBreaks")) }
        if !mentor.isEmpty { agreed.append(strings("accommodation.mentor", ["name": mentor])) }
        if quietWorkplace { agreed.append(strings("accommodation.quiet")) }
        if !other.isEmpty { agreed.append(other) }
        return agreed
    }
}

extension FollowUpMeeting {
    /// Who takes part, in words: "citizen, employer, Jens (mentor)".
    public func people(_ strings: Localizer) -> String {
        var who: [String] = []
        if withParticipant { who.append(strings("presence.citizen")) }
        if withEmployer { who.append(strings("presence.employer")) }
        if !others.isEmpty { who.append(others) }
        return who.joined(separator: ", ")
    }

    /// "Tue 5 Jan 2027 10:00 · planned": the day (with the time when one is agreed) and the status.
    public func when(_ strings: Localizer) -> String {
        strings.dayWithWeekday(day) + (time.map { " " + $0 } ?? "") + " · " + strings("followUp.\(status.rawValue)")
    }
}

extension Placement {
    /// "4 Jan – 28 Feb 2027 · 18.5 hours a week": the participant's own period and hours, in
    /// words of `strings`' language; empty when neither is agreed.
    public func periodAndHours(_ strings: Localizer) -> String {
        var parts: [String] = []
        if let start { parts.append(strings.shortDate(start) + (end.map { " – " + strings.shortDate($0) } ?? "")) }
        if let hoursPerWeek { parts.append(strings("summary.hours", ["n": strings.number(hoursPerWeek)])) }
        return parts.joined(separator: " · ")
    }

}
