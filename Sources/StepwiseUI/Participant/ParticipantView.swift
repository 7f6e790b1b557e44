import Foundation
import StepwiseCore

/// The participant screen: a header with the course frame, the tabs, and the open tab.
enum ParticipantView {
    /// First row of the tab's content.
    static let top = 5

    static func render(_ open: OpenParticipant, state: AppState, env: UIEnvironment, into buffer: inout ScreenBuffer) {
        let s = env.strings
        let p = open.participant
        Chrome.titleBar(
            &buffer, y: 0, left: p.name,
            right: CourseText.position(start: p.courseStart, today: state.today, strings: s))
        var line = s("participant.course", ["from": s.shortDate(p.courseStart), "to": s.shortDate(p.courseEnd)])
        if let next = p.nextConversation {
            let (text, overdue) = CourseText.conversation(next, today: state.today, strings: s, key: "participant.next")
            line += " · " + text
            let used = buffer.put(" " + line, x: 0, y: 1)
            if overdue { buffer.put(" ⚠ " + s("conversation.overdue"), x: used, y: 1, style: .warning) }
        } else {
            buffer.put(" " + line + " · " + s("participant.allConversationsHeld"), x: 0, y: 1)
        }
        if !open.isReadOnly, let session = p.openSession {
            buffer.put(
                " ● "
                    + s(
                        "session.inProgress",
                        [
                            "kind": s("session.kind.\(session.kind.rawValue)"),
                            "since": TimeText.clock(session.started.at, in: env.timeZone),
                        ]), x: 0, y: 2, style: .heading)
        }
        // A record shown read only says when it was read (it is read again when its file changes).
        let asOf = open.readAt.map { TimeText.clock($0, in: env.timeZone) }
        if let holder = open.heldBy {
            let who = [
                "coach": holder.identity.coach, "user": holder.identity.user, "since": TimeText.clock(holder.since, in: env.timeZone),
            ]
            let text = asOf.map { s("participant.readOnlyAsOf", who.merging(["time": $0]) { $1 }) } ?? s("participant.readOnly", who)
            buffer.put(" 🔒 " + text, x: 0, y: 2, style: .warning)
        } else if let reason = open.lockFailure {
            let time = asOf.map { " " + s("participant.asOf", ["time": $0]) } ?? ""
            buffer.put(" 🔒 " + s("participant.readOnlyLockFailed", ["reason": reason]) + time, x: 0, y: 2, style: .warning)
        }
        tabs(open.tab, env: env, into: &buffer)
        if let entries = open.auditEntries {
            auditLog(entries, env: env, into: &buffer)
            return
        }
        switch open.tab {
        case .plan:
            PlanTabView.render(open, state: state, env: env, into: &buffer)
            return
        case .notes:
            NotesView.render(open, state: state, env: env, into: &buffer)
            return
        case .offers:
            OffersView.render(open, state: state, env: env, into: &buffer)
            if let id = open.offerDetail, let offer = state.offers.first(where: { $0.id == id }) {
                let area = Overlays.box(&buffer, width: buffer.width - 2, height: buffer.height - 4, title: offer.title)
                let lines =
                    OfferText.detail(offer, participant: p.id, today: state.today, env: env, width: area.width)
                    + PlacementView.lines(p, offer: offer, env: env, width: area.width)
                let first = min(open.offerDetailScroll, max(0, lines.count - area.height))
                for (offset, line) in lines.dropFirst(first).prefix(area.height).enumerated() {
                    line.draw(into: &buffer, x: area.x, y: area.y + offset, width: area.width)
                }
            }
            return
        case .summary:
            SummaryTab.render(open, state: state, env: env, into: &buffer)
            return
        case .jobs:
            JobsView.render(open, state: state, env: env, into: &buffer)
            return
        case .progress:
            break
        }
        let lines = ProgressView.lines(p, env: env, width: buffer.width - 2)
        let rows = max(0, buffer.height - top - 2)
        let first = min(open.scroll, max(0, lines.count - rows))
        for (offset, content) in lines.dropFirst(first).prefix(rows).enumerated() {
            content.draw(into: &buffer, x: 1, y: top + offset, width: buffer.width - 2)
        }
        if lines.count > rows {
            let more = s(
                "participant.scroll",
                [
                    "from": String(first + 1), "to": String(min(lines.count, first + rows)),
                    "of": String(lines.count),
                ])
            buffer.put(more, x: max(0, buffer.width - DisplayWidth.of(more) - 1), y: 4, style: .muted)
        }
    }

    /// Who opened, changed, printed or exported this record, and when: newest first.
    private static func auditLog(_ entries: [AuditEntry], env: UIEnvironment, into buffer: inout ScreenBuffer) {
        let s = env.strings
        let area = Overlays.box(&buffer, width: buffer.width - 2, height: buffer.height - 4, title: s("audit.title"))
        if entries.isEmpty { buffer.put(s("audit.none"), x: area.x, y: area.y, style: .muted) }
        for (offset, entry) in entries.reversed().prefix(area.height).enumerated() {
            let line =
                DisplayWidth.pad(
                    s.dayWithWeekday(Day(entry.at, timeZone: env.timeZone)) + " " + TimeText.clock(entry.at, in: env.timeZone), to: 22)
                + DisplayWidth.pad(entry.coach + " (" + entry.user + ")", to: 28) + s("audit.\(entry.action.rawValue)")
            buffer.put(line, x: area.x, y: area.y + offset, limit: area.width)
        }
    }

    /// "[1 Plan]  2 Offers  3 Notes …": the current tab in brackets and reversed.
    private static func tabs(_ current: Tab, env: UIEnvironment, into buffer: inout ScreenBuffer) {
        var x = 1
        for tab in Tab.allCases {
            let title = "\(tab.rawValue + 1) " + env.strings(tab.titleKey)
            if tab == current {
                x += buffer.put("[" + title + "]", x: x, y: 3, style: Style(bold: true, reverse: true))
            } else {
                x += buffer.put(" " + title + " ", x: x, y: 3)
            }
            x += 1
        }
        buffer.put(String(repeating: "─", count: max(0, buffer.width)), x: 0, y: 4, style: .muted)
    }
}
