import StepwiseCore

/// The open participant's own placement in an internship offer, under the offer's details on
/// their offers tab: their period and hours, the adjustments agreed for them, and their
/// follow-up meetings with who takes part, what was said and the next date. Only the open
/// participant's record is read, so nobody else's placement can show here.
enum PlacementView {
    static func lines(_ participant: Participant, offer: Offer, env: UIEnvironment, width: Int) -> [StyledLine] {
        guard offer.internship != nil || offer.kind == "internship", case .seat? = Booking.place(of: participant.id, in: offer) else {
            return []
        }
        let s = env.strings
        var lines: [StyledLine] = [
            .blank, StyledLine([(s("placement.title", ["name": participant.name]), .heading), ("  (I, F, M)", .muted)]),
        ]
        guard let placement = participant.placements[offer.id] else {
            lines.append(StyledLine("  " + s("placement.none"), .muted))
            return lines
        }
        func add(_ label: String, _ value: String) {
            guard !value.isEmpty else { return }
            lines += StyledLine([("  " + s(label) + " ", .muted), (value, .plain)]).wrapped(width: width, indent: 4)
        }
        add("internship.period", placement.periodAndHours(s))
        add("internship.accommodations", placement.accommodations.phrases(s).joined(separator: "; "))
        if placement.followUps.isEmpty { lines.append(StyledLine("  " + s("placement.noFollowUps"), .muted)) }
        for meeting in placement.followUpsByDate {
            lines += StyledLine([("  " + (meeting.status == .held ? "✓ " : meeting.status == .cancelled ? "✗ " : "• "), .muted), (meeting.when(s), .bold), (" · " + meeting.people(s), .plain)])
                .wrapped(width: width, indent: 4)
            if !meeting.notes.isEmpty { lines += StyledLine("    " + meeting.notes).wrapped(width: width, indent: 4) }
            if let next = meeting.next {
                lines.append(StyledLine("    " + s("placement.nextMeeting", ["date": s.dayWithWeekday(next)]), .muted))
            }
        }
        return lines
    }

    /// "2 placements, 3 follow-ups planned": counts only, never what was agreed or said.
    static func count(_ count: PlacementCount, env: UIEnvironment) -> String {
        let s = env.strings
        return s("placement.count", count: count.placements) + ", "
            + s("placement.planned", count: count.plannedFollowUps)
    }
}
