import Foundation
import StepwiseCore
import StepwiseTestSupport
import StepwiseUI
import XCTest

/// Every screen and form of a course, at the smallest size the screens promise (80×24), in
/// every language, with the demo data: the caseload, adding a participant, each tab of a
/// participant and each form and view its keys open (history, audit log, help, offer
/// details), the catalogue with an offer and its attendance. Each screen must
///
/// - cut no text without a sign: `ScreenBuffer.cuts` lists every text that was cut without
///   "…" or written outside the screen (where the source string was longer than its room);
/// - keep `? Help` (where help exists) and `Esc` in the footer, as the action table says;
/// - let the keys reach all of its content: after End (or PgDn until nothing moves) no
///   "↓ N more" mark is left, and on the notes tab and in the audit log every session's
///   agreements and next appointment and every entry can be scrolled to.
final class EveryScreenTests: XCTestCase {
    /// Participants whose records differ: sessions and notes, an overdue conversation, an ended
    /// course with an outcome, a course not started.
    private let people = ["Mette Brøndum", "Jürgen Weiß", "Kasper Lund", "Sam Okafor", "Märta Öberg"]

    /// The keys that open a form, a question or a view on top of a screen; each is pressed
    /// where the action table gives it, and left again with Esc.
    private let opening: Set<ActionID> = [
        .add, .edit, .addStep, .addGoal, .addContact, .newNote, .session, .rate, .addMilestone, .outcome,
        .history, .auditLog, .help, .open, .internship, .followUp, .addOffer, .editOffer, .attendance, .versions,
        .changeFollowUp,
    ]

    func testEveryScreenAt80x24InEveryLanguageShowsAllOfItsText() throws {
        var findings: [String] = []
        for language in ["en", "da", "sv", "de"] {
            let h = try AppHarness(width: 80, height: 24, language: language)
            var visited = 0
            visit(h, "caseload", &findings, &visited)
            h.press(.char("o"))
            visit(h, "catalogue", &findings, &visited)
            h.press(.escape)
            for name in people {
                guard h.id(of: name) != nil else {
                    XCTFail("the demo data has no \(name)")
                    continue
                }
                h.press(.char("/"))
                h.type(name)
                h.press(.enter)
                guard h.state.open != nil else {
                    findings.append("\(language): \(name) does not open")
                    h.press(.escape)
                    continue
                }
                for tab in ["1", "2", "3", "4", "5", "6"] {
                    h.press(.char(Character(tab)))
                    visit(h, "\(name) tab \(tab)", &findings, &visited)
                }
                h.press(.char("3"))
                notesReachEverySession(h, name, &findings)
                h.press(.char("i"))
                auditReachesEveryEntry(h, name, &findings)
                h.press(.escape)
                h.press(.escape)
            }
            XCTAssertGreaterThan(visited, 100, "screens visited in \(language)")
        }
        XCTAssert(findings.isEmpty, "\(findings.count) faults:\n" + findings.prefix(400).joined(separator: "\n"))
    }

    /// Checks the screen as it is, then each view the opening keys of this screen show.
    private func visit(_ h: AppHarness, _ name: String, _ findings: inout [String], _ visited: inout Int, depth: Int = 0) {
        check(h, name, &findings)
        visited += 1
        scrollToTheEnd(h, name, &findings)
        let context = h.state.context
        guard depth < 2 else { return }
        let keys = ActionTable.help(in: context).filter { opening.contains($0.id) }.compactMap(\.keys.first)
        for key in keys {
            h.press(.home)
            h.press(key)
            guard h.state.context != context else { continue }
            visit(h, "\(name) › \(key.label) (\(h.state.context))", &findings, &visited, depth: depth + 1)
            back(to: context, h)
            if h.state.context != context { findings.append("\(h.language) \(name): Esc after \(key.label) does not come back") }
        }
    }

    /// Esc (and "yes, leave" where a form asks) until `context` shows again, at most 4 times.
    private func back(to context: KeyContext, _ h: AppHarness) {
        for _ in 0..<4 where h.state.context != context {
            h.press(.escape)
            if h.state.context == .confirm, context != .confirm { h.press(.char("y")) }
        }
    }

    /// Cuts without "…", and the footer's help and Esc.
    private func check(_ h: AppHarness, _ name: String, _ findings: inout [String]) {
        let buffer = h.app.render()
        let place = "\(h.language) \(name)"
        for cut in buffer.cuts {
            findings.append("\(place): row \(cut.y) cut without …: \(cut.text.prefix(100))")
        }
        // Every label of a form reads whole on its field's row (`WholeTextTests`).
        if h.state.context == .form { findings += h.formLabelsCutOff(name) }
        let footer = buffer.lines().last ?? ""
        let essential = ActionTable.essential(in: h.state.context)
        // Esc goes back from every screen but the caseload, where there is nothing behind (`q` quits).
        let hasEsc = ActionTable.help(in: h.state.context).contains { $0.keys.contains(.escape) }
        if hasEsc, !essential.contains(where: { $0.keys.contains(.escape) }) {
            findings.append("\(place): no Esc in the action table's footer for \(h.state.context)")
        }
        for spec in essential where !footer.contains(spec.shownKeys + " " + h.app.env.strings(spec.labelKey)) {
            findings.append("\(place): footer lacks \(spec.shownKeys) \(h.app.env.strings(spec.labelKey)): \(footer)")
        }
    }

    /// End, then PgDn until the screen stops changing: then no "↓ N more" mark may be left.
    /// Home goes back to the start.
    private func scrollToTheEnd(_ h: AppHarness, _ name: String, _ findings: inout [String]) {
        let context = h.state.context
        guard context != .form, context != .confirm else { return }
        h.press(.end)
        var screen = h.screen
        for _ in 0..<200 {
            h.press(.pageDown)
            if h.screen == screen { break }
            screen = h.screen
        }
        // A mark is "↓ " and a count, whatever it counts (lines, participants, offers...).
        let marks = screen.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            $0.hasPrefix("↓ ") && $0.dropFirst(2).first?.isNumber == true
        }
        if !marks.isEmpty {
            findings.append("\(h.language) \(name): the end cannot be reached:\n\(screen)")
        }
        h.press(.home)
    }

    /// On the notes tab, ↓ reaches every session's agreements and next appointment.
    private func notesReachEverySession(_ h: AppHarness, _ name: String, _ findings: inout [String]) {
        guard let p = h.state.open?.participant else { return }
        var seen = h.flatScreen
        for _ in 0..<(p.notes.count + p.sessions.count + 40) {
            h.press(.down)
            seen += " " + h.flatScreen
        }
        for session in p.sessions {
            for text in [session.agreements?.text, session.next.map { h.app.env.strings.dayWithWeekday($0.day) }].compactMap({ $0 }) {
                let start = text.split(separator: " ").prefix(4).joined(separator: " ")
                if !seen.contains(start) { findings.append("\(h.language) \(name): notes never show “\(start)”") }
            }
        }
        h.press(.home)
    }

    /// In the audit log, ↓ PgDn and End reach the last entry; Home comes back to the first.
    private func auditReachesEveryEntry(_ h: AppHarness, _ name: String, _ findings: inout [String]) {
        guard h.state.context == .auditLog, let entries = h.state.open?.auditEntries else {
            findings.append("\(h.language) \(name): i does not show the audit log")
            return
        }
        check(h, "\(name) audit log", &findings)
        let first = h.screen
        h.press(.end)
        scrollToTheEnd(h, "\(name) audit log", &findings)
        h.press(.end)
        if entries.count > 16, h.screen == first { findings.append("\(h.language) \(name): End does not scroll the audit log") }
        h.press(.home)
        if h.screen != first { findings.append("\(h.language) \(name): Home does not come back to the newest audit entry") }
    }
}
