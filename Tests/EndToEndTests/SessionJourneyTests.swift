import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Issue 5: sessions, notes and ratings. The first mandatory conversation is held as a
/// session with the peer worker, with a tagged note and a rating; a follow-up is rated again;
/// the progress tab shows the movement with arrows and numbers, not colour alone.
final class SessionJourneyTests: EndToEndTestCase {
    private let citizen = "Grace O'Neill"
    private let query = "grace"
    private let note = "Grace fortalte om søvn og stress – æøå"
    private let agreements = "Grace går til søvnkursus; Anna finder praktik"
    private let place = "Jobhuset, lokale 3"
    private let contact = "Anna ringer til Grace mandag"
    private let followUpAgreements = "Vi fortsætter – næste gang praktik"

    func testConversationOneWithNoteAndRatingsThenFollowUpShowsMovement() throws {
        try makeDemo()
        guard let before = participantFile(named: citizen) else { return XCTFail("the demo data has no \(citizen)") }
        let conversations = before.object["conversations"] as? [[String: Any]] ?? []
        XCTAssertEqual(conversations.first?["status"] as? String, "planned", "conversation 1 is still to be held in the demo data")
        let indicators = try Indicators.load()
        let count = indicators.texts.count
        // The citizen's first and second ratings: some lines go up, some down, some stay.
        let firstScores = (0..<count).map { 3 + $0 % 4 }
        let secondScores = firstScores.enumerated().map { $0.element + [2, -1, 0][$0.offset % 3] }
        let firstBelief = 4, secondBelief = 6

        let run = try startTUI(width: 100, height: 45)
        let tmux = run.tmux
        tmux.waitFor(participantsLine())
        tmux.send("/")
        tmux.waitFor("Search:")
        tmux.type(query)
        tmux.waitFor(oneMatch())
        tmux.send("Enter")
        var screen = tmux.waitForSettled("[1 Plan]")
        XCTAssertTrue((screen.components(separatedBy: "\n").first ?? "").contains(citizen), screen)
        XCTAssertTrue(screen.contains("Next conversation 1:"), "conversation 1 is next:\n\(screen)")
        XCTAssertFalse(screen.contains("Session running"), screen)

        // s: conversation 1, with the peer worker present.
        tmux.send("s")
        screen = tmux.waitForSettled("Start a session")
        for _ in 0..<6 where !screen.contains("‹ Conversation 1 ›") {
            tmux.send("Right")
            screen = tmux.settle(tmux.waitUntil("the kind changes") { $0.contains("‹ ") && $0 != screen })
        }
        XCTAssertTrue(screen.contains("‹ Conversation 1 ›"), screen)
        tmux.send("Tab")
        tmux.waitFor("› Peer worker present")
        tmux.waitFor("‹ no ›")
        tmux.send("Right")
        tmux.waitFor("‹ yes ›")
        tmux.send("Enter")
        screen = tmux.waitForSettled("Session running: Conversation 1, since ")
        XCTAssertFalse(screen.contains("Start a session"), screen)

        // Notes: n, the note in the citizen's words, tagged health.
        tmux.send("3")
        tmux.waitFor("[3 Notes]")
        tmux.send("n")
        tmux.waitFor("A new note")
        tmux.type(note)
        tmux.waitFor(note)
        tmux.send("Tab", "Tab")
        tmux.waitFor("› Tags")
        tmux.type("health")
        tmux.waitFor("health")
        tmux.send("Enter")
        screen = tmux.waitForSettled("“\(note)”")
        XCTAssertFalse(screen.contains("A new note"), screen)
        let head = screen.components(separatedBy: "\n").first { $0.contains("\(citizen) (Citizen)") } ?? ""
        XCTAssertTrue(head.hasSuffix("Health") || head.contains("· Health"), "the note is tagged Health:\n\(screen)")
        XCTAssertTrue(Tmux.flat(screen).contains("Conversation 1, "), "the running session is listed:\n\(screen)")
        XCTAssertTrue(Tmux.flat(screen).contains("running · citizen, coach Anna, peer worker"), screen)

        // r: the first rating, every line.
        rate(firstScores + [firstBelief], in: tmux)

        // s: end the session with what was agreed and the next appointment.
        tmux.send("s")
        tmux.waitFor("End the session")
        tmux.type(agreements)
        tmux.waitFor(agreements)
        tmux.send("Tab")
        tmux.waitFor("› Next date")
        tmux.type("+2w")
        tmux.send("Tab")
        tmux.waitFor("› Time")
        tmux.type("10:00")
        tmux.send("Tab")
        tmux.waitFor("› Place")
        tmux.type(place)
        tmux.send("Tab")
        tmux.waitFor("› Who contacts whom")
        tmux.type(contact)
        tmux.waitFor(contact)
        tmux.send("Enter")
        screen = tmux.settle(tmux.waitForGone("Session running"))
        screen = tmux.waitForSettled("Agreed: “\(agreements)”")
        let next = PlanJourneyTests.dayWithWeekday(addingDays: 14)
        XCTAssertTrue(Tmux.flat(screen).contains("Next: \(next) 10:00 · \(place) · \(contact)"), "the next appointment:\n\(screen)")
        XCTAssertTrue(screen.contains("Next conversation 2:"), "conversation 1 is done, 2 is next:\n\(screen)")

        // The plan tab: conversation 1 held.
        tmux.send("1")
        screen = tmux.waitForSettled("Mandatory conversations")
        let first = screen.components(separatedBy: "\n").first { $0.contains("Conversation 1 ") } ?? ""
        XCTAssertTrue(first.trimmingCharacters(in: .whitespaces).hasSuffix("held"), "conversation 1 is held:\n\(screen)")

        // A follow-up session, rated again, then ended.
        tmux.send("s")
        screen = tmux.waitForSettled("Start a session")
        XCTAssertTrue(screen.contains("‹ Follow-up ›"), "after conversation 1 a follow-up is proposed:\n\(screen)")
        tmux.send("Enter")
        tmux.waitFor("Session running: Follow-up")
        tmux.send("r")
        screen = tmux.waitForSettled("How is it going?")
        XCTAssertTrue(screen.contains(Self.bar(firstScores[0]) + "  \(firstScores[0])"), "the form starts from the last rating:\n\(screen)")
        tmux.send("Escape")
        tmux.waitForGone("How is it going?")
        rate(secondScores + [secondBelief], in: tmux)
        tmux.send("s")
        tmux.waitFor("End the session")
        tmux.type(followUpAgreements)
        tmux.waitFor(followUpAgreements)
        tmux.send("Enter")
        tmux.waitForGone("Session running")

        // Progress: the movement since the start and since last time, per line.
        tmux.send("4")
        screen = tmux.waitForSettled("[4 Progress]")
        screen = tmux.waitForSettled("2 ratings, the latest on \(Self.shortDate())")
        let flat = Tmux.flat(screen)
        let pairs = Array(zip(firstScores, secondScores))
        let up = pairs.filter { $0.1 > $0.0 }.count, down = pairs.filter { $0.1 < $0.0 }.count, same = count - up - down
        XCTAssertTrue(flat.contains("Since the start: ▲\(up) ■\(same) ▼\(down) Since last time: ▲\(up) ■\(same) ▼\(down)"),
                      "the counts of lines up, same and down:\n\(screen)")
        for (text, scores) in zip(indicators.texts + [indicators.coachBelief], pairs + [(firstBelief, secondBelief)]) {
            let change = scores.1 > scores.0 ? "▲+\(scores.1 - scores.0)" : scores.1 < scores.0 ? "▼-\(scores.0 - scores.1)" : "■ 0"
            let heading = "\(text) \(Self.sparkline([scores.0, scores.1])) \(change)"
            XCTAssertTrue(flat.contains(heading), "\(text): sparkline and change \(change):\n\(screen)")
            let bars = "first \(Self.bar(scores.0)) \(scores.0) before \(Self.bar(scores.0)) \(scores.0) now \(Self.bar(scores.1)) \(scores.1)"
            XCTAssertTrue(flat.contains(bars), "\(text): bars \(bars):\n\(screen)")
        }

        tmux.send("Escape")
        tmux.waitFor("Search: \(query)")
        tmux.send("Escape")
        tmux.waitFor(participantsLine())
        tmux.send("q")
        XCTAssertEqual(run.waitForExit(), 0)

        // On disk.
        guard let saved = participantFile(named: citizen)?.object else { return XCTFail("\(citizen) is gone from disk") }
        let sessions = saved["sessions"] as? [[String: Any]] ?? []
        XCTAssertEqual(sessions.count, 2, "two sessions")
        guard sessions.count == 2 else { return }
        XCTAssertEqual(sessions.map { $0["kind"] as? String ?? "?" }, ["conversation1", "followUp"])
        XCTAssertTrue(sessions.allSatisfy { $0["ended"] is String }, "both sessions are ended")
        let roles = sessions.map { ($0["present"] as? [[String: Any]] ?? []).compactMap { $0["role"] as? String } }
        XCTAssertEqual(roles[0], ["citizen", "coach", "peer"], "the peer worker was present at conversation 1")
        XCTAssertEqual(roles[1], ["citizen", "coach"])
        let coach = (sessions[0]["present"] as? [[String: Any]] ?? []).first { $0["role"] as? String == "coach" }
        XCTAssertEqual(coach?["name"] as? String, "Anna")
        XCTAssertEqual((sessions[0]["agreements"] as? [String: Any])?["text"] as? String, agreements)
        let appointment = sessions[0]["next"] as? [String: Any]
        let days = [E2E.isoDay(addingDays: 14), E2E.isoDay(addingDays: 14, to: Date().addingTimeInterval(-120))]
        XCTAssertTrue(days.contains(appointment?["day"] as? String ?? ""), "next day \(appointment?["day"] ?? "missing"), expected \(days[0])")
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
            for (rating, (scores, belief, session)) in zip(ratings, [(firstScores, firstBelief, sessions[0]), (secondScores, secondBelief, sessions[1])]) {
                XCTAssertEqual(rating["scores"] as? [String: Int], Dictionary(uniqueKeysWithValues: zip(indicators.ids, scores)))
                XCTAssertEqual(rating["coachBelief"] as? Int, belief)
                XCTAssertEqual(rating["sessionId"] as? String, session["id"] as? String, "each rating belongs to its session")
            }
        }

        let notes = saved["notes"] as? [[String: Any]] ?? []
        XCTAssertEqual(notes.count, 1)
        XCTAssertEqual(notes.first?["tags"] as? [String], ["health"])
        XCTAssertEqual(notes.first?["sessionId"] as? String, sessions[0]["id"] as? String, "the note belongs to conversation 1")
        let version = (notes.first?["versions"] as? [[String: Any]])?.last
        XCTAssertEqual(version?["text"] as? String, note)
        XCTAssertEqual(version?["author"] as? String, "citizen")
    }

    /// Starting conversation 1 marks it held, which saves a new version of the plan; the
    /// plan's history must say so in words (not show a string-table key).
    func testTheHistoryNamesTheSessionThatHeldConversationOne() throws {
        try makeDemo()
        let run = try startTUI(width: 100, height: 30)
        let tmux = run.tmux
        tmux.waitFor(participantsLine())
        tmux.send("/")
        tmux.waitFor("Search:")
        tmux.type(query)
        tmux.waitFor(oneMatch())
        tmux.send("Enter")
        tmux.waitFor("[1 Plan]")
        tmux.send("s")
        var screen = tmux.waitForSettled("Start a session")
        for _ in 0..<6 where !screen.contains("‹ Conversation 1 ›") {
            tmux.send("Right")
            screen = tmux.settle(tmux.waitUntil("the kind changes") { $0.contains("‹ ") && $0 != screen })
        }
        tmux.send("Enter")
        tmux.waitFor("Session running: Conversation 1")
        tmux.waitFor("version 2")
        tmux.send("h")
        screen = tmux.waitForSettled("History of the plan")
        let rows = screen.components(separatedBy: "\n")
        let sessionRow = rows.first { $0.contains(" v2 ") } ?? ""
        XCTAssertFalse(sessionRow.isEmpty, "version 2 is listed:\n\(screen)")
        XCTAssertFalse(sessionRow.contains("change."), "the history shows a string-table key instead of words:\n\(screen)")
        XCTAssertTrue(sessionRow.contains("Conversation 1"), "the version saved by the session says which session:\n\(screen)")
        tmux.send("Escape")
        tmux.waitForGone("History of the plan")
        tmux.send("Escape")
        tmux.waitFor("Search: \(query)")
        tmux.send("Escape")
        tmux.waitFor(participantsLine())
        tmux.send("q")
        XCTAssertEqual(run.waitForExit(), 0)
        let history = (try? String(contentsOf: data.appendingPathComponent("history")
            .appendingPathComponent((participantFile(named: citizen)?.url.deletingPathExtension().lastPathComponent ?? "?") + ".jsonl"),
            encoding: .utf8)) ?? ""
        XCTAssertEqual(history.split(separator: "\n").count, 2, "the demo version and the one saved when conversation 1 began")
    }

    // MARK: - Helpers


    /// r, then each line's score (1–9, Down to the next line), then Enter.
    private func rate(_ scores: [Int], in tmux: Tmux, file: StaticString = #filePath, line: UInt = #line) {
        tmux.send("r")
        tmux.waitFor("How is it going?", file: file, line: line)
        for score in scores {
            tmux.send(String(score), "Down")
        }
        let last = scores.last ?? 0
        let screen = tmux.waitForSettled(Self.bar(last) + "  \(last)", file: file, line: line)
        for score in scores {
            XCTAssertTrue(screen.contains(Self.bar(score) + " " + String(format: "%2d", score)), "\(score) is shown as a bar:\n\(screen)",
                          file: file, line: line)
        }
        tmux.send("Enter")
        tmux.waitForGone("How is it going?", file: file, line: line)
    }

    /// A bar of ten cells, filled up to the score.
    static func bar(_ value: Int) -> String {
        String(repeating: "█", count: value) + String(repeating: "░", count: 10 - value)
    }

    /// One block per score, from ▁ (1) to █ (10).
    static func sparkline(_ values: [Int]) -> String {
        let blocks = Array("▁▂▃▄▅▆▇█")
        return String(values.map { blocks[max(0, min(7, ($0 - 1) * 7 / 9))] })
    }

    /// Today as "22 Nov 2026".
    static func shortDate() -> String {
        let formatter = DateFormatter()
        formatter.timeZone = .current
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "d MMM yyyy"
        return formatter.string(from: Date())
    }

    /// The indicators the citizen rates, from Resources/indicators.json.
    struct Indicators {
        var ids: [String]
        var texts: [String]
        var coachBelief: String

        static func load() throws -> Indicators {
            let url = E2E.repo.appendingPathComponent("Resources/indicators.json")
            guard let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any],
                  let list = object["indicators"] as? [[String: Any]],
                  let belief = (object["coachBelief"] as? [String: String])?["en"] else { throw E2EError("cannot read \(url.path)") }
            return Indicators(ids: list.compactMap { $0["id"] as? String },
                              texts: list.compactMap { ($0["text"] as? [String: String])?["en"] },
                              coachBelief: belief)
        }
    }
}
