import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 4: booking offers from the participant screen. Two participants take the two seats
/// of a small offer, a third goes on the waitlist, and when the first gives up the seat the
/// one waiting gets it. Other participants are only ever shown as counts.
final class OffersJourneyTests: EndToEndTestCase {
    private let title = "Syværksted – små hold"
    /// The three participants, and what finds each alone in the caseload search.
    private let first = (name: "Søren Ærø Kjærgaard", query: "sor")
    private let second = (name: "Åsa Lindqvist", query: "asa")
    private let third = (name: "Lena Groß", query: "lena")

    func testTwoSeatsTakenThirdWaitsAndGetsTheSeatWhenTheFirstCancels() throws {
        try makeDemo()
        let ids = try [first.name, second.name, third.name].map { name -> String in
            guard let file = participantFile(named: name) else { throw E2EError("the demo data has no \(name)") }
            return file.url.deletingPathExtension().lastPathComponent
        }
        let names = participantFiles().compactMap { $0.object["name"] as? String }

        // A small offer of two seats, one evening session on a day none of the three has a
        // mandatory conversation (so no clash question comes up).
        let day = try eveningDay(avoiding: ids)
        let csv = root.appendingPathComponent("small.csv")
        try
            ("title,kind,capacity,sessions,place,language,description\n"
            + "\(title),workshop,2,\(day) 19:00-20:30,Aftenskolen Østerbro,da,Vi syr tøj om – to pladser\n")
            .write(to: csv, atomically: true, encoding: .utf8)
        let imported = try stepwise(["offers", "import", csv.path])
        XCTAssertEqual(imported.status, 0, "import failed: \(imported.stderr)")
        let listed = try offerList()
        guard let offer = listed.first(where: { $0["title"] as? String == title }), let offerID = offer["id"] as? String else {
            return XCTFail("the imported offer is not listed: \(listed.map { $0["title"] ?? "?" })")
        }
        XCTAssertEqual(offer["capacity"] as? Int, 2)
        XCTAssertEqual(offer["booked"] as? Int, 0)

        let run = try startTUI(width: 100, height: 30)
        let tmux = run.tmux
        tmux.waitFor(participantsLine())

        // The first participant books a seat.
        var screen = showOffer(for: first, in: tmux, others: names)
        XCTAssertTrue(offerLine(screen).contains("0/2 seats"), "two free seats:\n\(screen)")
        tmux.send("b")
        screen = tmux.waitForSettled("Book this offer")
        XCTAssertTrue(screen.contains("‹ no step ›"), "the booking serves no step unless one is chosen:\n\(screen)")
        tmux.send("Enter")
        screen = tmux.waitForSettled("Booked: “\(title)”, seat 1 of 2.")
        XCTAssertTrue(offerLine(screen).contains("✓"), "the participant's own seat is marked:\n\(screen)")
        XCTAssertTrue(offerLine(screen).contains("1/2 seats"), screen)
        assertOnly(first.name, of: names, in: screen)
        closeParticipant(in: tmux)

        // The second takes the last seat.
        screen = showOffer(for: second, in: tmux, others: names)
        XCTAssertTrue(offerLine(screen).contains("1/2 seats"), "one seat is taken, by someone not named here:\n\(screen)")
        XCTAssertFalse(offerLine(screen).contains("✓"), "the seat is not this participant's:\n\(screen)")
        tmux.send("b")
        tmux.waitFor("Book this offer")
        tmux.send("Enter")
        screen = tmux.waitForSettled("Booked: “\(title)”, seat 2 of 2.")
        XCTAssertTrue(offerLine(screen).contains("✓"), screen)
        XCTAssertTrue(offerLine(screen).contains("2/2 seats"), "now full:\n\(screen)")
        assertOnly(second.name, of: names, in: screen)
        closeParticipant(in: tmux)

        // The third finds it full and joins the waitlist.
        screen = showOffer(for: third, in: tmux, others: names)
        XCTAssertTrue(offerLine(screen).contains("2/2 seats"), screen)
        tmux.send("b")
        screen = tmux.waitForSettled("The offer is full: join the waitlist")
        assertOnly(third.name, of: names, in: screen)
        tmux.send("Enter")
        screen = tmux.waitForSettled("“\(title)” is full: on the waitlist as number 1.")
        XCTAssertTrue(offerLine(screen).contains("◷1"), "the place in line is marked:\n\(screen)")
        XCTAssertTrue(offerLine(screen).contains("2/2 seats, 1 waiting"), screen)
        assertOnly(third.name, of: names, in: screen)
        // The detail view: counts, the own place in line, and no one else's name.
        tmux.send("Enter")
        screen = tmux.waitForSettled("You are number 1 on the waitlist.")
        XCTAssertTrue(screen.contains("2 of 2 seats booked, 1 waiting"), screen)
        XCTAssertTrue(screen.contains("Aftenskolen Østerbro"), screen)
        assertOnly(third.name, of: names, in: screen)
        tmux.send("Escape")
        tmux.waitForGone("You are number 1 on the waitlist.")
        closeParticipant(in: tmux)

        // The first gives up the seat.
        screen = showOffer(for: first, in: tmux, others: names)
        XCTAssertTrue(offerLine(screen).contains("✓"), screen)
        tmux.send("x")
        screen = tmux.waitForSettled("Give up the place in “\(title)”?")
        tmux.send("y")
        screen = tmux.waitForSettled("The seat in “\(title)” is given up. The first on the waitlist got the seat.")
        XCTAssertFalse(offerLine(screen).contains("✓"), "the seat is gone:\n\(screen)")
        XCTAssertTrue(offerLine(screen).contains("2/2 seats"), "the seat went to the one waiting:\n\(screen)")
        XCTAssertFalse(offerLine(screen).contains("waiting"), "no one waits any more:\n\(screen)")
        assertOnly(first.name, of: names, in: screen)
        closeParticipant(in: tmux)

        // The third now has the seat.
        screen = showOffer(for: third, in: tmux, others: names)
        XCTAssertTrue(offerLine(screen).contains("✓"), "promoted from the waitlist:\n\(screen)")
        XCTAssertFalse(offerLine(screen).contains("◷"), screen)
        XCTAssertTrue(offerLine(screen).contains("2/2 seats"), screen)
        XCTAssertFalse(offerLine(screen).contains("waiting"), screen)
        tmux.send("Enter")
        screen = tmux.waitForSettled("You have a seat.")
        assertOnly(third.name, of: names, in: screen)
        tmux.send("Escape")
        tmux.waitForGone("You have a seat.")
        closeParticipant(in: tmux)
        tmux.send("q")
        XCTAssertEqual(run.waitForExit(), 0)

        // On disk: the seats and the (empty) waitlist, and each participant's journal.
        let file = data.appendingPathComponent("offers").appendingPathComponent(offerID + ".json")
        let saved = (try? JSONSerialization.jsonObject(with: Data(contentsOf: file))) as? [String: Any] ?? [:]
        let seats = (saved["booked"] as? [[String: Any]] ?? []).compactMap { $0["participantId"] as? String }
        let waiting = (saved["waiting"] as? [[String: Any]] ?? []).compactMap { $0["participantId"] as? String }
        XCTAssertEqual(seats, [ids[1], ids[2]], "the second and the promoted third hold the seats")
        XCTAssertEqual(waiting, [], "no one is left waiting")
        XCTAssertEqual(saved["capacity"] as? Int, 2)
        let after = try offerList().first { $0["id"] as? String == offerID }
        XCTAssertEqual(after?["booked"] as? Int, 2)
        XCTAssertEqual(after?["waiting"] as? Int, 0)
        XCTAssertEqual(after?["free"] as? Int, 0)

        XCTAssertEqual(journal(first.name, offer: offerID), ["booked", "unbooked"])
        XCTAssertEqual(journal(second.name, offer: offerID), ["booked"])
        XCTAssertEqual(journal(third.name, offer: offerID), ["waitlisted", "promoted"], "the promotion is in the third's journal")
        let check = try stepwise(["check"])
        XCTAssertEqual(check.status, 0, "the data is consistent: \(check.stdout) \(check.stderr)")
    }

    /// At the smallest size (80 columns) the message after giving up a seat still says that
    /// the first on the waitlist got it, however long the offer's title.
    func testAtEightyColumnsGivingUpASeatSaysTheWaitingOneGotIt() throws {
        try makeDemo()
        let demoTitle = "Job interview practice in English"
        guard let holder = participantFile(named: second.name) else { return XCTFail("no \(second.name)") }
        let holderID = holder.url.deletingPathExtension().lastPathComponent
        guard let offer = try offerList().first(where: { $0["title"] as? String == demoTitle }),
            let offerID = offer["id"] as? String
        else { return XCTFail("the demo data has no \(demoTitle)") }
        XCTAssertEqual(offer["free"] as? Int, 0, "the demo offer is full")
        XCTAssertEqual(offer["waiting"] as? Int, 1, "one waits for it")
        let file = data.appendingPathComponent("offers").appendingPathComponent(offerID + ".json")
        let seats =
            ((try? JSONSerialization.jsonObject(with: Data(contentsOf: file))) as? [String: Any])?["booked"] as? [[String: Any]] ?? []
        XCTAssertTrue(seats.contains { $0["participantId"] as? String == holderID }, "\(second.name) holds a seat in the demo data")

        let run = try startTUI()
        let tmux = run.tmux
        tmux.waitFor(participantsLine())
        tmux.send("/")
        tmux.waitFor("Search:")
        tmux.type(second.query)
        tmux.waitFor(oneMatch())
        tmux.send("Enter")
        tmux.waitFor("[1 Plan]")
        tmux.send("2")
        tmux.waitFor("[2 Offers]")
        tmux.send("f")
        tmux.waitFor("Which offers to show")
        tmux.type("interview")
        tmux.waitFor("interview")
        tmux.send("Enter")
        var screen = tmux.waitForSettled("Showing: all kinds · “interview”")
        XCTAssertTrue(screen.contains("3/3 seats, 1 waiting"), screen)
        tmux.send("x")
        tmux.waitFor("Give up the place in", wrapped: true)
        tmux.send("y")
        screen = tmux.waitForSettled("is given up.", wrapped: true)
        XCTAssertTrue(
            Tmux.flat(screen).contains("The first on the waitlist got the seat."),
            "the message about the promotion is cut off at 80 columns:\n\(screen)")
        tmux.send("Escape")
        tmux.waitFor(participantsLine())
        tmux.send("q")
        XCTAssertEqual(run.waitForExit(), 0)
        let after = try offerList().first { $0["id"] as? String == offerID }
        XCTAssertEqual(after?["waiting"] as? Int, 0, "the one waiting got the seat")
        XCTAssertEqual(after?["booked"] as? Int, 3)
    }

    // MARK: - Helpers

    /// Opens the participant, goes to the offers tab and filters the list down to the offer.
    @discardableResult
    private func showOffer(
        for person: (name: String, query: String), in tmux: Tmux, others names: [String],
        file: StaticString = #filePath, line: UInt = #line
    ) -> String {
        tmux.send("/")
        tmux.waitFor("Search:", file: file, line: line)
        tmux.type(person.query)
        tmux.waitFor(oneMatch(), file: file, line: line)
        tmux.send("Enter")
        tmux.waitUntil("\(person.name) is open", file: file, line: line) {
            $0.contains("[1 Plan]") && ($0.components(separatedBy: "\n").first ?? "").contains(person.name)
        }
        tmux.send("2")
        var screen = tmux.waitForSettled("[2 Offers]", file: file, line: line)
        assertOnly(person.name, of: names, in: screen, file: file, line: line)
        tmux.send("f")
        tmux.waitFor("Which offers to show", file: file, line: line)
        tmux.type("syværk")
        tmux.waitFor("syværk", file: file, line: line)
        tmux.send("Enter")
        screen = tmux.waitForSettled("Showing: all kinds · “syværk”", file: file, line: line)
        let rows = screen.components(separatedBy: "\n").filter { $0.contains("seats") }
        XCTAssertEqual(rows.count, 1, "the filter leaves the one offer:\n\(screen)", file: file, line: line)
        XCTAssertTrue(offerLine(screen).hasPrefix("›"), "the offer is selected:\n\(screen)", file: file, line: line)
        assertOnly(person.name, of: names, in: screen, file: file, line: line)
        return screen
    }

    /// Esc back to the caseload, which lists everyone again (the search ends with the participant).
    private func closeParticipant(in tmux: Tmux, file: StaticString = #filePath, line: UInt = #line) {
        tmux.send("Escape")
        tmux.waitFor(participantsLine(), file: file, line: line)
    }

    /// The offer's row in the list.
    private func offerLine(_ screen: String) -> String {
        screen.components(separatedBy: "\n").first { $0.contains("Syværksted") && $0.contains("seats") } ?? ""
    }

    /// Fails when the screen names any participant but `name`.
    private func assertOnly(
        _ name: String, of names: [String], in screen: String,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        for other in names where other != name {
            let words = other.split(separator: " ").map(String.init)
            XCTAssertFalse(
                screen.contains(other) || (words.count > 1 && screen.contains(words[0] + " ") && screen.contains(words.last!)),
                "\(other) is named while \(name) is open:\n\(screen)", file: file, line: line)
        }
    }

    /// `stepwise offers list --json`.
    private func offerList(file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Any]] {
        let result = try stepwise(["offers", "list", "--json"])
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        return (try? JSONSerialization.jsonObject(with: result.stdoutData)) as? [[String: Any]] ?? []
    }

    /// The kinds of the participant's journal entries about the offer, in order.
    private func journal(_ name: String, offer: String) -> [String] {
        let entries = participantFile(named: name)?.object["journal"] as? [[String: Any]] ?? []
        return entries.filter { $0["offerId"] as? String == offer }.compactMap { $0["kind"] as? String }
    }

    /// A Wednesday 9 to 30 days ahead (ISO) on which none of the participants has a conversation.
    private func eveningDay(avoiding ids: [String]) throws -> String {
        var taken = Set<String>()
        for file in participantFiles() where ids.contains(file.url.deletingPathExtension().lastPathComponent) {
            for conversation in file.object["conversations"] as? [[String: Any]] ?? [] {
                if let planned = conversation["planned"] as? String { taken.insert(planned) }
            }
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        for offset in 9...30 {
            let date = calendar.date(byAdding: .day, value: offset, to: Date())!
            let day = E2E.isoDay(addingDays: offset)
            if calendar.component(.weekday, from: date) == 4, !taken.contains(day) { return day }
        }
        throw E2EError("no free Wednesday in the next month")
    }
}
