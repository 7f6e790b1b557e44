import Foundation
import StepwiseCore
import StepwiseUI
import XCTest

/// What the citizen is shown is what is true: a cancelled offer is not a seat, the citizen's
/// journal reaches their screen, past offers are marked and asked about, dates are in time
/// order, the read-only view says when it was read, and the audit names what was really done.
final class ShownIsTrueJourneyTests: XCTestCase {
    /// Shows only the offers whose title holds `words` (the filter's first field).
    private func filter(_ h: AppHarness, _ words: String) {
        h.press(.char("f"), .ctrl("u"))
        h.type(words)
        h.press(.enter)
    }

    /// A cancelled offer shows ✗ and "cancelled", never the ✓ of a seat; the journal entries
    /// (cancelled, seat given up, moved up from the waitlist) are news on the citizen's offers
    /// tab, in the citizen's language (Søren and Mette read Danish).
    func testCancelledOffersAndJournalNewsReachTheCitizen() throws {
        let h = try AppHarness()
        h.press(.char("o"))
        filter(h, "CV-værksted")
        h.press(.char("d"), .char("y"))
        h.press(.escape)

        h.open("søren")
        h.press(.char("2"))
        filter(h, "CV-værksted")
        let row = h.screen.components(separatedBy: "\n").first { $0.contains("CV-værksted") && !$0.contains("“") } ?? ""
        XCTAssertFalse(row.contains("✓"), "a cancelled offer is not a seat:\n\(h.screen)")
        XCTAssertTrue(row.contains("✗") && row.contains("cancelled"), row)
        XCTAssertTrue(h.flatScreen.contains("Nyt"), "the news heading, in Danish:\n\(h.screen)")
        XCTAssertTrue(h.flatScreen.contains("“CV-værksted” er aflyst."), "the cancellation is news:\n\(h.screen)")
        h.press(.enter)
        XCTAssertFalse(h.flatScreen.contains("You have a seat"), h.screen)
        XCTAssertTrue(h.flatScreen.contains("no longer stands"), h.screen)
        h.press(.escape)

        filter(h, "Mentorstøtte")
        h.press(.char("x"), .char("y"))
        XCTAssertTrue(
            h.flatScreen.contains("Din plads på “Mentorstøtte” er opgivet."), "the seat given up is news at once:\n\(h.screen)")
        h.press(.escape)

        h.open("mette")
        h.press(.char("2"))
        XCTAssertTrue(
            h.flatScreen.contains("Du er rykket op fra ventelisten og har fået en plads på “Mentorstøtte”."),
            "the waitlist promotion is news:\n\(h.screen)")
    }

    /// An offer cancelled in the catalogue at another terminal is news on the screen where
    /// the citizen's record is open, without a key.
    func testNewsFromAnotherTerminalArrivesWhileTheRecordIsOpen() throws {
        let h = try AppHarness()
        h.open("søren")
        h.press(.char("2"))
        XCTAssertFalse(h.flatScreen.contains("er aflyst"), h.screen)
        let other = try h.otherTerminal(coach: "Bo")
        other.handle(.char("o"))
        // The catalogue is there before the coach acts on it (it is read on another thread).
        other.takeCatalogue(wait: true)
        other.handle(.char("f"))
        "CV-værksted".forEach { other.handle(.char($0)) }
        other.handle(.enter)
        other.handle(.char("d"))
        other.handle(.char("y"))
        XCTAssertTrue(h.app.idle(), "the journal entry is seen without a key")
        XCTAssertTrue(h.flatScreen.contains("“CV-værksted” er aflyst."), h.screen)
        XCTAssertFalse(h.app.idle(), "nothing more changed")
    }

    /// By date, offers on one day are in time order (Arla 09:00 before the mini course 13:00,
    /// whatever their titles); a "from" date shows each offer's next date from then on; the
    /// catalogue marks an offer whose dates are all past.
    func testDatesAreInTimeOrderAndTheNextDateIsShown() throws {
        let h = try AppHarness()
        h.press(.char("o"), .char("G"))
        let lines = h.screen.components(separatedBy: "\n")
        let arla = lines.firstIndex { $0.contains("Virksomhedsbesøg: Arla") } ?? -1
        let sleep = lines.firstIndex { $0.contains("Minikursus: Søvn") } ?? -1
        XCTAssertTrue(arla >= 0 && sleep >= 0 && arla < sleep, "09:00 before 13:00 on one day:\n\(h.screen)")
        XCTAssertTrue(h.row(containing: "Temadag: Arbete").contains("ended"), "a past offer is marked:\n\(h.screen)")
        XCTAssertFalse(h.row(containing: "Netværk for langtidsledige").contains("ended"), h.screen)

        let today = Day(AppHarness.start, timeZone: .gmt)
        h.press(.char("f"), .tab, .tab)
        h.type(h.app.env.strings.numericDate(today.adding(days: 1)))
        h.press(.enter)
        let next = h.app.env.strings.dayWithWeekday(CourseFrame.workday(today.adding(days: 8)), year: false) + " 09:30"
        XCTAssertTrue(h.row(containing: "Netværk for ledige ledere").contains(next), "the next date, not the first:\n\(h.screen)")
    }

    /// Booking an offer whose dates are all past asks first; no is no.
    func testBookingAPastOfferAsksFirst() throws {
        let h = try AppHarness()
        h.open("grace")
        h.press(.char("2"))
        filter(h, "Temadag: Arbete")
        h.press(.char("b"))
        XCTAssertTrue(h.state.confirm?.question.contains("are past") == true, "a clear question:\n\(h.screen)")
        XCTAssertNil(h.state.form)
        h.press(.char("n"))
        XCTAssertNil(h.state.form, "no books nothing")
        h.press(.char("b"), .char("y"))
        XCTAssertNotNil(h.state.form, "yes goes on to the booking form")
    }

    /// The second terminal's read-only view says when it was read and follows the record
    /// when the first terminal changes it.
    func testTheReadOnlyViewSaysWhenAndFollowsTheFile() throws {
        let h = try AppHarness()
        h.open("lena")
        let other = try h.otherTerminal(coach: "Bo", opening: "lena")
        XCTAssertEqual(other.state.open?.isReadOnly, true)
        XCTAssertTrue(other.render().text.contains("as of 09:0"), other.render().text)

        XCTAssertFalse(other.idle(), "nothing changed, nothing read")
        h.press(.char("g"))
        h.type("Et mål skrevet ved den anden skærm")
        h.press(.enter)
        XCTAssertTrue(other.idle(), "the change is seen without a key")
        XCTAssertTrue(other.render().text.contains("Et mål skrevet ved den anden skærm"), "read again:\n\(other.render().text)")
        XCTAssertTrue(other.render().text.contains("as of 09:0"), other.render().text)

        h.press(.char("g"))
        h.type("Endnu et mål")
        h.press(.enter)
        other.handle(.char("1"))
        XCTAssertTrue(other.render().text.contains("Endnu et mål"), "a key reads it again too:\n\(other.render().text)")
    }

    /// The audit log says "printed" only for a printer: a PDF written to a file is its own act.
    func testTheAuditTellsAFileFromAPrinter() throws {
        let h = try AppHarness()
        h.open("lena")
        h.press(.char("5"), .char("f"), .ctrl("u"))
        let path = h.folder.appendingPathComponent("lena.pdf").path
        h.type(path)
        h.press(.enter)
        XCTAssertTrue(FileManager.default.fileExists(atPath: path), h.screen)
        let last = AuditLog(store: h.store).entries().last
        XCTAssertEqual(last?.action.rawValue, "summaryWritten")
        XCTAssertFalse(AuditLog(store: h.store).entries().contains { $0.action.rawValue == "printed" })
    }

    /// Turning down a suggestion needs a short reason; the record keeps it and the history
    /// shows it.
    func testRejectingASuggestionKeepsTheReason() throws {
        let h = try AppHarness()
        guard let id = h.id(of: "Lena Groß") else { return XCTFail("no Lena") }
        h.open("lena")
        h.press(.char("w"))
        h.press(.char("g"))
        h.type("Tage et truckcertifikat")
        h.press(.enter)
        h.press(.char("d"))
        XCTAssertNotNil(h.state.form, "a reason is asked:\n\(h.screen)")
        h.press(.enter)
        XCTAssertNotNil(h.state.form, "not without a reason")
        h.type("Jeg har allerede et certifikat")
        h.press(.enter)
        let goals = (h.participantJSON(id)["plan"] as? [String: Any])?["goals"] as? [[String: Any]] ?? []
        let goal = goals.last ?? [:]
        XCTAssertNotNil(goal["dropped"])
        XCTAssertEqual((goal["rejection"] as? [String: Any])?["text"] as? String, "Jeg har allerede et certifikat")
        let change = h.historyLines(id).last?["change"] as? [String: Any]
        XCTAssertEqual(change?["kind"] as? String, "reject")
        XCTAssertEqual(change?["detail"] as? String, "Jeg har allerede et certifikat")
        XCTAssertTrue(h.flatScreen.contains("Tage et truckcertifikat (Coach) ✗ turned down 30 Nov 2026: “Jeg har allerede et certifikat”"), h.screen)
        h.press(.char("h"))
        XCTAssertTrue(h.row(containing: "turned down “Tage et truck").contains("Anna (Coach)"), h.screen)
        h.press(.enter)
        XCTAssertTrue(h.flatScreen.contains("turned down “Tage et truckcertifikat”: Jeg har allerede et certifikat"), h.screen)
    }

    /// A note shows whose words it takes while it is typed, and keeps the coach at the
    /// keyboard with the citizen's words.
    func testNotesShowAndKeepTheWriterAndTheCoach() throws {
        let h = try AppHarness()
        guard let id = h.id(of: "Lena Groß") else { return XCTFail("no Lena") }
        h.open("lena")
        h.press(.char("2"), .char("n"))
        XCTAssertTrue(h.flatScreen.contains("Writing: [Citizen]"), "the writer in effect shows in the form:\n\(h.screen)")
        h.type("Ich habe drei Bewerbungen geschickt")
        h.press(.enter)
        let notes = h.participantJSON(id)["notes"] as? [[String: Any]] ?? []
        let words = (notes.last?["versions"] as? [[String: Any]])?.last ?? [:]
        XCTAssertEqual(words["author"] as? String, "citizen")
        XCTAssertEqual(words["via"] as? String, "Anna", "the coach at the keyboard is kept")
        h.press(.char("3"))
        XCTAssertTrue(h.row(containing: "Lena Groß (Citizen)").contains("via Anna"), h.screen)

        h.press(.char("w"), .char("n"))
        XCTAssertTrue(h.flatScreen.contains("[Coach]"), h.screen)
        h.type("Lena virker mere sikker")
        h.press(.enter)
        let last = ((h.participantJSON(id)["notes"] as? [[String: Any]])?.last?["versions"] as? [[String: Any]])?.last ?? [:]
        XCTAssertEqual(last["author"] as? String, "coach")
        XCTAssertEqual(last["by"] as? String, "Anna")
    }
}
