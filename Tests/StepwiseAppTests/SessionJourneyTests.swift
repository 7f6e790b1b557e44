import Foundation
import StepwiseCore
import StepwiseTestSupport
import StepwiseUI
import XCTest

/// Sessions, notes and ratings, driven in process. The first mandatory conversation is held as
/// a session with the peer worker, with a tagged note and a rating; a follow-up is rated
/// again; the progress tab shows the movement with arrows and numbers, not colour alone.
final class SessionJourneyTests: XCTestCase {
    private let citizen = "Grace O'Neill"
    private let note = "Grace fortalte om søvn og stress – æøå"
    private let agreements = "Grace går til søvnkursus; Anna finder praktik"
    private let place = "Jobhuset, lokale 3"
    private let contact = "Anna ringer til Grace mandag"
    private let followUpAgreements = "Vi fortsætter – næste gang praktik"

    func testConversationOneWithNoteAndRatingsThenFollowUpShowsMovement() throws {
        let h = try AppHarness(height: 45)
        guard let id = h.id(of: citizen) else { return XCTFail("the demo data has no \(citizen)") }
        let conversations = h.participantJSON(id)["conversations"] as? [[String: Any]] ?? []
        XCTAssertEqual(conversations.first?["status"] as? String, "planned", "conversation 1 is still to be held in the demo data")
        let indicators = try IndicatorSet.load(resources: resourcesURL)
        let count = indicators.indicators.count
        // The citizen's first and second ratings: some lines go up, some down, some stay.
        let firstScores = (0..<count).map { 3 + $0 % 4 }
        let secondScores = firstScores.enumerated().map { $0.element + [2, -1, 0][$0.offset % 3] }
        let firstBelief = 4
        let secondBelief = 6

        h.open("grace")
        XCTAssertTrue((h.screen.components(separatedBy: "\n").first ?? "").contains(citizen), h.screen)
        XCTAssertTrue(h.screen.contains("Next conversation 1:"), "conversation 1 is next:\n\(h.screen)")
        XCTAssertFalse(h.screen.contains("Session running"), h.screen)

        // s: conversation 1, with the peer worker present.
        h.press(.char("s"))
        XCTAssertTrue(h.screen.contains("Start a session"), h.screen)
        for _ in 0..<6 where !h.screen.contains("‹ Conversation 1 ›") { h.press(.right) }
        XCTAssertTrue(h.screen.contains("‹ Conversation 1 ›"), h.screen)
        h.press(.tab)
        XCTAssertTrue(h.screen.contains("› Peer worker present"), h.screen)
        XCTAssertTrue(h.screen.contains("‹ no ›"), h.screen)
        h.press(.right)
        XCTAssertTrue(h.screen.contains("‹ yes ›"), h.screen)
        h.press(.tab)
        h.type("Mette Skov")
        h.press(.enter)
        XCTAssertEqual(
            h.state.open?.participant.sessions.last?.present.first { $0.role == .peer }?.name, "Mette Skov",
            "the peer worker present is a named person")
        XCTAssertTrue(h.screen.contains("Session running: Conversation 1, since "), h.screen)
        XCTAssertFalse(h.screen.contains("Start a session"), h.screen)

        // Notes: n, the note in the citizen's words, tagged health.
        h.press(.char("3"))
        XCTAssertTrue(h.screen.contains("[3 Notes]"), h.screen)
        h.press(.char("n"))
        XCTAssertTrue(h.screen.contains("A new note"), h.screen)
        h.type(note)
        h.press(.tab, .tab)
        XCTAssertTrue(h.screen.contains("› Tags"), h.screen)
        h.type("health")
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("“\(note)”"), h.screen)
        XCTAssertFalse(h.screen.contains("A new note"), h.screen)
        let head = h.row(containing: "\(citizen) (Citizen)")
        XCTAssertTrue(
            head.trimmingCharacters(in: .whitespaces).hasSuffix("Health") || head.contains("· Health"),
            "the note is tagged Health:\n\(h.screen)")
        XCTAssertTrue(h.flatScreen.contains("Conversation 1, "), "the running session is listed:\n\(h.screen)")
        XCTAssertTrue(h.flatScreen.contains("running · citizen, coach Anna, peer worker"), h.screen)

        // r: the first rating, every line.
        rate(firstScores + [firstBelief], h)

        // s: end the session with what was agreed and the next appointment.
        h.press(.char("s"))
        XCTAssertTrue(h.screen.contains("End the session"), h.screen)
        h.type(agreements)
        h.press(.tab)
        XCTAssertTrue(h.screen.contains("› Next date"), h.screen)
        h.type("+2w")
        h.press(.tab)
        XCTAssertTrue(h.screen.contains("› Time"), h.screen)
        h.type("10:00")
        h.press(.tab)
        XCTAssertTrue(h.screen.contains("› Place"), h.screen)
        h.type(place)
        h.press(.tab)
        XCTAssertTrue(h.screen.contains("› Who contacts whom"), h.screen)
        h.type(contact)
        h.press(.enter)
        // Grace holds a seat in a session at that time: it is said once, and Enter keeps the time.
        XCTAssertTrue(h.flatScreen.contains("This clashes with “Job interview practice in English”"), h.screen)
        h.press(.enter)
        XCTAssertFalse(h.screen.contains("Session running"), h.screen)
        XCTAssertTrue(h.screen.contains("Agreed: “\(agreements)”"), h.screen)
        let next = h.dayWithWeekday(addingDays: 14)
        XCTAssertTrue(h.flatScreen.contains("Next: \(next) 10:00 · \(place) · \(contact)"), "the next appointment:\n\(h.screen)")
        XCTAssertTrue(h.screen.contains("Next conversation 2:"), "conversation 1 is done, 2 is next:\n\(h.screen)")

        // The plan tab: conversation 1 held.
        h.press(.char("1"))
        XCTAssertTrue(h.screen.contains("Mandatory conversations"), h.screen)
        XCTAssertTrue(
            h.row(containing: "Conversation 1 ").trimmingCharacters(in: .whitespaces).hasSuffix("held"),
            "conversation 1 is held:\n\(h.screen)")

        // A follow-up session, rated again, then ended.
        h.press(.char("s"))
        XCTAssertTrue(h.screen.contains("‹ Follow-up ›"), "after conversation 1 a follow-up is proposed:\n\(h.screen)")
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("Session running: Follow-up"), h.screen)
        h.press(.char("r"))
        XCTAssertTrue(h.screen.contains("How is it going?"), h.screen)
        XCTAssertTrue(
            h.screen.contains(Self.bar(firstScores[0]) + "  \(firstScores[0])"), "the form starts from the last rating:\n\(h.screen)")
        h.press(.escape)
        XCTAssertFalse(h.screen.contains("How is it going?"), h.screen)
        rate(secondScores + [secondBelief], h)
        h.press(.char("s"))
        XCTAssertTrue(h.screen.contains("End the session"), h.screen)
        h.type(followUpAgreements)
        h.press(.enter)
        XCTAssertFalse(h.screen.contains("Session running"), h.screen)

        // Progress: the movement since the start and since last time, per line.
        h.press(.char("4"))
        XCTAssertTrue(h.screen.contains("[4 Progress]"), h.screen)
        XCTAssertTrue(h.screen.contains("2 ratings, the latest on 30 Nov 2026"), h.screen)
        let flat = h.flatScreen
        let pairs = Array(zip(firstScores, secondScores))
        let up = pairs.filter { $0.1 > $0.0 }.count
        let down = pairs.filter { $0.1 < $0.0 }.count
        let same = count - up - down
        XCTAssertTrue(
            flat.contains("Since the start: ▲\(up) ■\(same) ▼\(down) Since last time: ▲\(up) ■\(same) ▼\(down)"),
            "the counts of lines up, same and down:\n\(h.screen)")
        let texts = indicators.indicators.map { $0.text["en"] ?? "?" } + [indicators.coachBelief["en"] ?? "?"]
        // Paired bars: the words, then "first" and "latest" bars with their figures, and beside
        // the first the change since then (with two ratings the previous is the first).
        let cells = IndicatorChart.barWidth(for: h.state.width - 2, strings: h.app.env.strings)
        func flattened(_ text: String) -> String { text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        for (text, scores) in zip(texts, pairs + [(firstBelief, secondBelief)]) {
            let delta = scores.1 - scores.0
            let change = delta > 0 ? "▲ +\(delta)" : delta < 0 ? "▼ −\(-delta)" : "■ 0"
            let first = IndicatorChart.bar(Double(scores.0), width: cells)
            let latest = IndicatorChart.bar(Double(scores.1), width: cells)
            let chart = flattened("\(text) first \(first) \(scores.0) \(change) since then latest \(latest) \(scores.1)")
            XCTAssertTrue(flat.contains(chart), "\(text): paired bars \(chart):\n\(h.screen)")
        }
        h.press(.escape, .char("q"))
        XCTAssertTrue(h.state.quitting)

        // On disk.
        let saved = h.participantJSON(id)
        let sessions = saved["sessions"] as? [[String: Any]] ?? []
        XCTAssertEqual(sessions.count, 2, "two sessions")
        guard sessions.count == 2 else { return }
        XCTAssertEqual(sessions.map { $0["id"] as? String ?? "?" }, ["x-1", "x-2"], "session ids come from the environment")
        XCTAssertEqual(sessions.map { $0["kind"] as? String ?? "?" }, ["conversation1", "followUp"])
        XCTAssertTrue(sessions.allSatisfy { $0["ended"] is String }, "both sessions are ended")
        let roles = sessions.map { ($0["present"] as? [[String: Any]] ?? []).compactMap { $0["role"] as? String } }
        XCTAssertEqual(roles[0], ["citizen", "coach", "peer"], "the peer worker was present at conversation 1")
        XCTAssertEqual(roles[1], ["citizen", "coach"])
        let coach = (sessions[0]["present"] as? [[String: Any]] ?? []).first { $0["role"] as? String == "coach" }
        XCTAssertEqual(coach?["name"] as? String, "Anna")
        XCTAssertEqual((sessions[0]["agreements"] as? [String: Any])?["text"] as? String, agreements)
        let appointment = sessions[0]["next"] as? [String: Any]
        XCTAssertEqual(appointment?["day"] as? String, "2026-12-14")
        XCTAssertEqual(appointment?["time"] as? String, "10:00")
        XCTAssertEqual(appointment?["place"] as? String, place)
        XCTAssertEqual(appointment?["contact"] as? String, contact)
        XCTAssertEqual((sessions[1]["agreements"] as? [String: Any])?["text"] as? String, followUpAgreements)

        let savedConversations = saved["conversations"] as? [[String: Any]] ?? []
        XCTAssertEqual(savedConversations.first?["number"] as? Int, 1)
        XCTAssertEqual(savedConversations.first?["status"] as? String, "held")
        XCTAssertEqual(savedConversations.dropFirst().map { $0["status"] as? String ?? "?" }, ["planned", "planned"])

        let ratings = saved["ratings"] as? [[String: Any]] ?? []
        XCTAssertEqual(ratings.count, 2, "two ratings")
        if ratings.count == 2 {
            let ids = indicators.indicators.map(\.id)
            for (rating, (scores, belief, session)) in zip(
                ratings, [(firstScores, firstBelief, sessions[0]), (secondScores, secondBelief, sessions[1])])
            {
                XCTAssertEqual(rating["scores"] as? [String: Int], Dictionary(uniqueKeysWithValues: zip(ids, scores)))
                XCTAssertEqual(rating["coachBelief"] as? Int, belief)
                XCTAssertEqual(rating["sessionId"] as? String, session["id"] as? String, "each rating belongs to its session")
            }
        }

        let notes = saved["notes"] as? [[String: Any]] ?? []
        XCTAssertEqual(notes.count, 1)
        XCTAssertEqual(notes.first?["id"] as? String, "n-1")
        XCTAssertEqual(notes.first?["tags"] as? [String], ["health"])
        XCTAssertEqual(notes.first?["sessionId"] as? String, sessions[0]["id"] as? String, "the note belongs to conversation 1")
        let version = (notes.first?["versions"] as? [[String: Any]])?.last
        XCTAssertEqual(version?["text"] as? String, note)
        XCTAssertEqual(version?["author"] as? String, "citizen")
    }

    /// Starting conversation 1 marks it held, which saves a new version of the plan; the
    /// plan's history must say so in words (not show a string-table key).
    func testTheHistoryNamesTheSessionThatHeldConversationOne() throws {
        let h = try AppHarness(height: 30)
        guard let id = h.id(of: citizen) else { return XCTFail("the demo data has no \(citizen)") }
        h.open("grace")
        h.press(.char("s"))
        for _ in 0..<6 where !h.screen.contains("‹ Conversation 1 ›") { h.press(.right) }
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("Session running: Conversation 1"), h.screen)
        XCTAssertTrue(h.screen.contains("version 2"), h.screen)
        h.press(.char("h"))
        XCTAssertTrue(h.screen.contains("History of the plan"), h.screen)
        let sessionRow = h.row(containing: " v2 ")
        XCTAssertFalse(sessionRow.isEmpty, "version 2 is listed:\n\(h.screen)")
        XCTAssertFalse(sessionRow.contains("change."), "the history shows a string-table key instead of words:\n\(h.screen)")
        XCTAssertTrue(sessionRow.contains("Conversation 1"), "the version saved by the session says which session:\n\(h.screen)")
        XCTAssertEqual(h.historyLines(id).count, 2, "the demo version and the one saved when conversation 1 began")
    }

    /// r, then each line's score (1–9, Down to the next line), then Enter.
    private func rate(_ scores: [Int], _ h: AppHarness, file: StaticString = #filePath, line: UInt = #line) {
        h.press(.char("r"))
        XCTAssertTrue(h.screen.contains("How is it going?"), h.screen, file: file, line: line)
        for score in scores { h.press(.char(Character(String(score))), .down) }
        let screen = h.screen
        for score in scores {
            XCTAssertTrue(
                screen.contains(Self.bar(score) + " " + String(format: "%2d", score)), "\(score) is shown as a bar:\n\(screen)",
                file: file, line: line)
        }
        h.press(.enter)
        XCTAssertFalse(h.screen.contains("How is it going?"), h.screen, file: file, line: line)
    }

    /// A bar of ten cells, filled up to the score.
    static func bar(_ value: Int) -> String {
        String(repeating: "█", count: value) + String(repeating: "░", count: 10 - value)
    }
}
