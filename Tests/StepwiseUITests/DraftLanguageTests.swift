import Foundation
import StepwiseCore
import XCTest

@testable import StepwiseUI

/// A draft kept by an older version, when a language was typed, comes back with a text field
/// where the form now has a choice: what it holds is checked as the choice would have been.
final class DraftLanguageTests: XCTestCase {
    let env = Fixtures.env()

    private func press(_ keys: [Key], _ state: inout AppState) -> [Effect] {
        keys.flatMap { Update.handle($0, state: &state, env: env) }
    }

    /// `form` as a draft of the version that typed the language: its language field a text
    /// field holding `typed`, stored and read back as `App.restoreDraft` reads it.
    private func olderDraft(of form: Form, typed: String) throws -> Form {
        var old = form
        let index = try XCTUnwrap(old.fields.firstIndex { $0.name == "language" })
        var field = Form.Field(label: "field.language", input: TextField(typed, maxLength: 10))
        field.name = "language"
        old.fields[index] = field
        return try JSONDecoder().decode(Form.self, from: JSONEncoder().encode(old))
    }

    private func languageError(_ state: AppState) -> String? {
        state.form?.fields.first { $0.name == "language" }?.error
    }

    private let refused = "Choose one of: da, de, en, sv"

    /// Checks what submitting a form with `typed` gave: nothing and the language field marked
    /// with the list when `saved` is nil, else the language `made` reads from the effect.
    private func expect(_ effects: [Effect], _ state: AppState, typed: String, saved: String?, language made: (Effect) -> String?) {
        guard let saved else {
            XCTAssertEqual(effects, [], "'\(typed)' was saved")
            XCTAssertEqual(languageError(state), refused)
            return
        }
        XCTAssertEqual(effects.count, 1)
        XCTAssertEqual(effects.first.flatMap(made), saved, "\(typed): \(effects)")
    }

    func testAnAddedParticipantGetsOnlyALanguageStepwiseHas() throws {
        let blank = AddParticipantForm.addParticipant(language: "en", languages: env.languages, today: "today")
        for (typed, saved) in [("xx", nil), ("DA", "da"), ("", "en")] as [(String, String?)] {
            var state = Fixtures.state()
            state.form = try olderDraft(of: blank, typed: typed)
            _ = press(Array("Mette Hansen").map(Key.char), &state)
            expect(press([.enter], &state), state, typed: typed, saved: saved) { effect in
                guard case .addParticipant("Mette Hansen", Fixtures.today, let language) = effect else { return nil }
                return language
            }
        }
    }

    func testAnOfferKeepsItsOwnLanguageButTakesNoOtherUnknownOne() throws {
        var finnish = Fixtures.offers[0]
        finnish.language = "fi"
        for (offer, typed, saved) in [(nil, "xx", nil), (finnish, "xx", nil), (finnish, "fi", "fi"), (nil, "SV", "sv")] as [(Offer?, String, String?)] {
            var state = Fixtures.state()
            state.catalogue = CatalogueState()
            state.offers = [finnish]
            state.form = try olderDraft(of: CatalogueForms.offer(offer, strings: env.strings, languages: env.languages), typed: typed)
            if offer == nil { _ = press(Array("Jobklub").map(Key.char) + [.tab, .tab, .tab, .tab, .tab] + Array("8").map(Key.char), &state) }
            expect(press([.enter], &state), state, typed: typed, saved: saved) { effect in
                guard case .saveOffer(let made, _) = effect else { return nil }
                return made.language
            }
        }
    }

    func testABoardJobKeepsItsOwnLanguageButTakesNoOtherUnknownOne() throws {
        var finnish = BoardJob(id: "j-1", title: "Lagermedarbejder", employer: "Netto", language: "fi", posted: Fixtures.stamp)
        finnish.hours = "37"
        for (job, typed, saved) in [(nil, "xx", nil), (finnish, "xx", nil), (finnish, "fi", "fi"), (nil, "De", "de")] as [(BoardJob?, String, String?)] {
            var state = Fixtures.state()
            state.jobs = [finnish]
            state.form = try olderDraft(of: BoardForms.job(job, strings: env.strings, languages: env.languages), typed: typed)
            if job == nil { _ = press(Array("Kok").map(Key.char) + [.tab] + Array("Kantinen").map(Key.char), &state) }
            expect(press([.enter], &state), state, typed: typed, saved: saved) { effect in
                guard case .saveJob(let made, _) = effect else { return nil }
                return made.language
            }
        }
    }
}
