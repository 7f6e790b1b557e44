import Foundation

extension Summary {
    /// The participant's own internship placements: for each, the offer and workplace, their
    /// period and hours, the adjustments agreed for them, and their follow-up meetings with
    /// who takes part, what was said and the next date. Only this participant's placements
    /// are ever read (`Participant.placements`), so nobody else's summary holds them.
    var placements: SummarySection {
        let s = strings
        var items: [SummaryItem] = []
        for (offerId, placement) in participant.placements.sorted(by: { $0.key < $1.key }) {
            let offer = offers.first { $0.id == offerId }
            var runs = [SummaryRun(SummaryText.clean(offer?.title ?? offerId), .strong)]
            if let employer = offer?.internship?.employer, !employer.isEmpty {
                runs.append(SummaryRun(" · " + s("summary.workplace", ["employer": SummaryText.clean(employer)])))
            }
            var children: [SummaryItem] = []
            let period = placement.periodAndHours(s)
            if !period.isEmpty { children.append(SummaryItem([SummaryRun(SummaryText.clean(period))])) }
            let agreed = placement.accommodations.phrases(s).map { SummaryText.clean($0) }
            if !agreed.isEmpty {
                children.append(
                    SummaryItem([SummaryRun(s("internship.accommodations") + " ", .note), SummaryRun(agreed.joined(separator: "; "))]))
            }
            // A cancelled meeting is left out of the printed plan (its calendar event says so).
            for meeting in placement.followUpsByDate where meeting.status != .cancelled {
                var notes: [SummaryItem] = []
                if !meeting.notes.isEmpty { notes.append(SummaryItem([SummaryRun(SummaryText.clean(meeting.notes))])) }
                if let next = meeting.next {
                    notes.append(SummaryItem([SummaryRun(s("placement.nextMeeting", ["date": s.dayWithWeekday(next)]), .note)]))
                }
                children.append(
                    SummaryItem(
                        marker: meeting.status == .held ? "✓" : "•",
                        [SummaryRun(s.dayWithWeekday(meeting.day) + (meeting.time.map { " " + SummaryText.clean($0) } ?? ""), .strong),
                         SummaryRun(" · " + s("followUp.\(meeting.status.rawValue)") + " · " + SummaryText.clean(meeting.people(s)))],
                        children: notes))
            }
            items.append(SummaryItem(runs, children: children))
        }
        return SummarySection(id: "placements", heading: s("summary.placements"), items: items)
    }
}
