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
        let line = s("participant.course", ["from": s.shortDate(p.courseStart), "to": s.shortDate(p.courseEnd)])
        if let next = p.nextConversation {
            // An overdue warning is never cut: where the row is short, the course's dates give
            // up their years, then the course gives up its place, before the warning would.
            let shortLine = s("participant.course", ["from": s.formats.dayMonth(p.courseStart), "to": s.formats.dayMonth(p.courseEnd)])
            let rows = [" " + line + " · ", " " + shortLine + " · ", " "].map { before in
                let (text, warning) = CourseText.conversation(
                    next, today: state.today, strings: s, key: "participant.next", width: buffer.width - DisplayWidth.of(before) - 1)
                return (text: before + text, warning: warning ?? "")
            }
            if let row = rows.first(where: { DisplayWidth.of($0.text + $0.warning) <= buffer.width - 1 }) ?? rows.last {
                let used = buffer.put(row.text, x: 0, y: 1)
                buffer.put(row.warning, x: used, y: 1, style: .warning)
            }
        } else {
            buffer.put(" " + line + " · " + s("participant.allConversationsHeld"), x: 0, y: 1)
        }
        if !open.isReadOnly, let session = p.openSession {
            let running = [
                "kind": s("session.kind.\(session.kind.rawValue)"), "since": TimeText.clock(session.started.at, in: env.timeZone),
            ]
            let texts = ["session.inProgress", "session.inProgressShort"].map { " ● " + s($0, running) }
            buffer.put(Chrome.fitting(texts, width: buffer.width), x: 0, y: 2, style: .heading)
        }
        // A record shown read only says when it was read (it is read again when its file changes).
        let asOf = open.readAt.map { TimeText.clock($0, in: env.timeZone) }
        if let holder = open.heldBy {
            let who = [
                "coach": holder.identity.coach, "user": holder.identity.user, "since": TimeText.clock(holder.since, in: env.timeZone),
            ]
            let text = asOf.map { s("participant.readOnlyAsOf", who.merging(["time": $0]) { $1 }) } ?? s("participant.readOnly", who)
            buffer.put(Chrome.fitting([" 🔒 " + text, " 🔒 " + s("participant.readOnlyShort")], width: buffer.width), x: 0, y: 2, style: .warning)
        } else if let reason = open.lockFailure {
            let time = asOf.map { " " + s("participant.asOf", ["time": $0]) } ?? ""
            buffer.put(" 🔒 " + s("participant.readOnlyLockFailed", ["reason": reason]) + time, x: 0, y: 2, style: .warning)
        }
        tabs(open.tab, env: env, into: &buffer)
        if let entries = open.auditEntries {
            auditLog(entries, scroll: open.auditScroll, env: env, into: &buffer)
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
                let lines = OfferUpdate.detail(offer, of: p, today: state.today, env: env, width: area.width)
                ScrollWindow(count: lines.count, height: area.height, first: open.offerDetailScroll).draw(
                    lines, x: area.x, top: area.y, width: area.width, strings: s, into: &buffer)
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
        let lines = ProgressView.lines(open, state: state, env: env)
        ScrollWindow(count: lines.count, height: max(0, buffer.height - top - 2), first: open.scroll).draw(
            lines, x: 1, top: top, width: buffer.width - 2, strings: s, into: &buffer)
    }

    /// How many rows a box over the participant screen (the audit log, an offer's details)
    /// holds on a screen `height` rows high.
    static func boxRows(height: Int) -> Int { max(1, height - 6) }

    /// Who opened, changed, printed or exported this record, and when: newest first, from
    /// line `scroll`. The columns are as wide as their widest entry, one space apart.
    private static func auditLog(_ entries: [AuditEntry], scroll: Int, env: UIEnvironment, into buffer: inout ScreenBuffer) {
        let s = env.strings
        let area = Overlays.box(&buffer, width: buffer.width - 2, height: buffer.height - 4, title: s("audit.title"))
        if entries.isEmpty { buffer.put(s("audit.none"), x: area.x, y: area.y, style: .muted) }
        let rows = entries.reversed().map { entry in
            [
                s.dayWithWeekday(Day(entry.at, timeZone: env.timeZone)) + " " + TimeText.clock(entry.at, in: env.timeZone),
                entry.coach + " (" + entry.user + ")", s("audit.\(entry.action.rawValue)"),
            ]
        }
        let lines = DisplayWidth.table(rows, limits: [.max, 28]).map { StyledLine($0) }
        ScrollWindow(count: lines.count, height: area.height, first: scroll).draw(
            lines, x: area.x, top: area.y, width: area.width, strings: s, into: &buffer)
    }

    /// "[1 Plan]  2 Offers  3 Notes …": the current tab in brackets and reversed.
    /// Where the titles do not fit with a space on each side (Swedish at 80 columns), they
    /// stand one space apart.
    private static func tabs(_ current: Tab, env: UIEnvironment, into buffer: inout ScreenBuffer) {
        let titles = Tab.allCases.map { "\($0.rawValue + 1) " + env.strings($0.titleKey) }
        let roomy = 1 + titles.map { DisplayWidth.of($0) + 3 }.reduce(0, +) <= buffer.width
        var x = 1
        for (tab, title) in zip(Tab.allCases, titles) {
            if tab == current {
                x += buffer.put("[" + title + "]", x: x, y: 3, style: Style(bold: true, reverse: true))
            } else {
                x += buffer.put(roomy ? " " + title + " " : title, x: x, y: 3)
            }
            x += 1
        }
        buffer.put(String(repeating: "─", count: max(0, buffer.width)), x: 0, y: 4, style: .muted)
    }
}
