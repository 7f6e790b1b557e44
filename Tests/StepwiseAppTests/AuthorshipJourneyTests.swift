import Foundation
import StepwiseCore
import StepwiseUI
import XCTest

/// Whose words: a suggestion becomes the citizen's only by the citizen's own yes; the coach
/// operating the screen is recorded as the coach; the writer stays as chosen; drafts belong
/// to the coach at the keyboard, not to the login.
final class AuthorshipJourneyTests: XCTestCase {
    private let citizen = "Lena Groß"

    /// `y` asks the citizen, also while the coach is set as the writer; `n` leaves the
    /// suggestion a suggestion; the yes is the citizen's, typed by the coach at the keyboard.
    func testAcceptingASuggestionAsksTheCitizenWhoeverIsWriting() throws {
        let h = try AppHarness()
        guard let id = h.id(of: citizen) else { return XCTFail("the demo data has no \(citizen)") }
        h.open("lena")
        h.press(.char("w"))
        XCTAssertTrue(h.screen.contains("Writing:  Citizen [Coach]"), h.screen)
        h.press(.char("g"))
        h.type("Tage et truckcertifikat")
        h.press(.enter)
        XCTAssertEqual(h.state.open?.participant.plan.goals.last?.isSuggestion, true)

        h.press(.char("y"))
        XCTAssertEqual(
            h.state.confirm?.question, "Does \(citizen) accept “Tage et truckcertifikat” as part of their own plan?",
            "y asks the citizen, not a silent accept")
        XCTAssertTrue(h.flatScreen.contains("Does \(citizen) accept"), h.screen)
        h.press(.char("n"))
        XCTAssertEqual(h.state.open?.participant.plan.goals.last?.isSuggestion, true, "a no leaves it a suggestion")

        h.press(.char("y"), .char("y"))
        let goal = h.state.open?.participant.plan.goals.last
        XCTAssertEqual(goal?.isSuggestion, false)
        XCTAssertEqual(goal?.accepted?.by, citizen, "the yes is the citizen's")
        let last = h.historyLines(id).last ?? [:]
        XCTAssertEqual(last["author"] as? String, "citizen")
        XCTAssertEqual(last["coach"] as? String, "Anna", "the coach at the keyboard is named too")

        // y on what is already the citizen's asks nothing and changes nothing.
        let versions = h.historyLines(id).count
        h.press(.char("y"))
        XCTAssertNil(h.state.confirm)
        XCTAssertTrue(h.screen.contains("Only a suggestion needs accepting"), h.screen)
        XCTAssertEqual(h.historyLines(id).count, versions)
    }

    /// With the citizen as the writer, a status change, a reorder, a drop and an undo are the
    /// coach operating the screen: the history says so, and `h` shows it. The moved step
    /// keeps the selection, so K twice moves it two places.
    func testTheCoachOperatingTheScreenIsRecordedAsTheCoach() throws {
        let h = try AppHarness()
        guard let id = h.id(of: citizen) else { return XCTFail("the demo data has no \(citizen)") }
        h.open("lena")
        XCTAssertTrue(h.screen.contains("Writing: [Citizen]"), h.screen)
        h.press(.char("g"))
        h.type("Arbejde på et lager")
        h.press(.enter)
        for step in ["Første skridt", "Andet skridt", "Tredje skridt"] {
            h.press(.char("a"))
            h.type(step)
            h.press(.enter)
        }
        XCTAssertEqual(h.historyLines(id).last?["author"] as? String, "citizen", "text the citizen dictates is theirs")

        h.press(.char("K"), .char("K"))
        let steps = h.state.open?.participant.plan.goals.last?.steps.map(\.text.text) ?? []
        XCTAssertEqual(steps, ["Tredje skridt", "Første skridt", "Andet skridt"], "K twice moves the step two places")
        XCTAssertTrue(h.row(containing: "Tredje skridt").hasPrefix("›"), "the moved step stays selected:\n\(h.screen)")

        h.press(.char("t"))
        h.press(.char("d"), .char("y"))
        h.press(.char("u"))
        let acts = h.historyLines(id).suffix(5)
        XCTAssertEqual(
            acts.map { ($0["change"] as? [String: Any])?["kind"] as? String ?? "?" },
            ["reorder", "reorder", "stepStatus", "dropStep", "undo"])
        for act in acts {
            XCTAssertEqual(act["author"] as? String, "coach", "the coach operated the screen: \(act["change"] ?? "")")
            XCTAssertEqual((act["stamp"] as? [String: Any])?["by"] as? String, "Anna")
            XCTAssertEqual(act["coach"] as? String, "Anna")
        }

        h.press(.char("h"))
        XCTAssertTrue(h.row(containing: "moved “Tredje").contains("Anna (Coach)"), h.screen)
        XCTAssertTrue(h.row(containing: "undid").contains("Anna (Coach)"), h.screen)
        XCTAssertTrue(
            h.row(containing: "added step “Tredje").contains("\(citizen) (Citizen) via Anna"),
            "the citizen's words, typed by Anna:\n\(h.screen)")
    }

    /// The writer chosen for a record stays when it is opened again; a draft comes back with
    /// the writer who typed it.
    func testTheWriterStaysWithTheRecordAndComesBackWithADraft() throws {
        let h = try AppHarness()
        h.open("lena")
        h.press(.char("w"))
        h.press(.escape)
        h.open("lena")
        XCTAssertTrue(h.screen.contains("Writing:  Citizen [Coach]"), "the writer is not silently reset:\n\(h.screen)")

        h.press(.char("g"))
        h.type("Halvt skrevet mål")
        try h.restart()
        XCTAssertEqual(h.state.open?.participant.name, citizen)
        XCTAssertTrue(h.screen.contains("Halvt skrevet mål"), h.screen)
        XCTAssertEqual(h.state.open?.writer, .coach, "the draft comes back with the writer who typed it")
        h.press(.enter)
        XCTAssertEqual(h.state.open?.participant.plan.goals.last?.text.author, .coach)
    }

    /// Enter in a filter form shows what it filters; the footer says "Show", not "Save".
    func testTheFooterOfAFilterFormSaysShow() throws {
        let h = try AppHarness()
        h.open("lena")
        h.press(.char("2"), .char("f"))
        XCTAssertEqual(h.state.form?.purpose, .offerFilter, h.screen)
        XCTAssertTrue(h.screen.contains("Enter Show"), h.screen)
        XCTAssertFalse(h.screen.contains("Enter Save"), h.screen)
        h.press(.escape, .char("n"))
        XCTAssertTrue(h.screen.contains("Enter Save"), "a note's form saves\n" + h.screen)
    }

    /// A note half written when the program was killed comes back on the notes tab, and is
    /// saved there (not on the plan tab the participant opens on).
    func testADraftNoteComesBackOnTheNotesTab() throws {
        let h = try AppHarness()
        h.open("lena")
        h.press(.char("3"), .char("n"))
        XCTAssertEqual(h.state.form.map { if case .note = $0.purpose { true } else { false } }, true, h.screen)
        h.type("Halvt skrevet note")
        try h.restart()
        XCTAssertEqual(h.state.open?.tab, .notes, h.screen)
        h.press(.enter)
        XCTAssertNil(h.state.form, h.screen)
        XCTAssertEqual(h.state.open?.tab, .notes, h.screen)
        XCTAssertTrue(h.screen.contains("Halvt skrevet note"), h.screen)
    }

    /// Two coaches on one login: each gets only their own draft back, and neither
    /// overwrites the other's.
    func testDraftsBelongToTheCoachNotToTheLogin() throws {
        let h = try AppHarness()
        h.open("lena")
        h.press(.char("g"))
        h.type("Annas halve mål")

        try h.restart(coach: "Bo")
        XCTAssertNil(h.state.form, "Bo does not get Anna's half-typed goal:\n\(h.screen)")
        XCTAssertNil(h.state.open, "nor Anna's citizen opened and locked in Bo's name")
        XCTAssertFalse(h.screen.contains("Annas halve mål"), h.screen)
        h.open("grace")
        h.press(.char("g"))
        h.type("Bos halve mål")

        try h.restart(coach: "Anna")
        XCTAssertEqual(h.state.open?.participant.name, citizen)
        XCTAssertTrue(h.screen.contains("Annas halve mål"), "Anna's draft was not overwritten by Bo's:\n\(h.screen)")
        h.press(.escape, .escape)

        try h.restart(coach: "Bo")
        XCTAssertTrue(h.screen.contains("Bos halve mål"), "Bo's draft is his:\n\(h.screen)")
    }
}
