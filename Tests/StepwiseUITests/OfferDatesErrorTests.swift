import StepwiseCore
import XCTest

@testable import StepwiseUI

/// A date of an offer typed wrong is said in the screen's language, naming the date at fault.
final class OfferDatesErrorTests: XCTestCase {
    func testEachReasonIsSaidInTheScreensLanguage() {
        let cases: [(typed: String, key: String, values: [String: String])] = [
            ("3.12.2027", "error.session.notDateAndTimes", [:]),
            ("3.12.2027 10-12; 31.11.2027 10-12", "error.session.notADate", ["text": "31.11.2027"]),
            ("3.12.2027 morning", "error.session.notTimes", ["text": "morning"]),
            ("3.12.2027 10:00-12:00 und danach 14-16", "error.session.notTimes", ["text": "10:00-12:00 und dan…"]),
            ("Donnerstag-der-dritte-Dezember 10-12", "error.session.notADate", ["text": "Donnerstag-der-drit…"]),
            ("3.12.2027 12-10", "error.session.endsBeforeStart", ["start": "12:00", "end": "10:00"]),
        ]
        for language in ["en", "da", "sv", "de"] {
            let env = Fixtures.env(language)
            for (typed, key, values) in cases {
                var state = Fixtures.state()
                state.catalogue = CatalogueState()
                state.form = CatalogueForms.offer(nil, strings: env.strings, languages: ["da", "sv", "de", "en"])
                for (field, text) in [(OfferField.title, "CV workshop"), (.sessions, typed)] {
                    let index = state.form?.fields.firstIndex { $0.name == field.rawValue } ?? 0
                    state.form?.focus = index
                    for character in text { _ = Update.handle(.char(character), state: &state, env: env) }
                }
                let effects = Update.handle(.enter, state: &state, env: env)
                XCTAssertTrue(effects.isEmpty, "\(language) \(typed): nothing saved")
                let number = typed.contains(";") ? "2" : "1"
                let expected = env.strings("error.session", ["n": number, "reason": env.strings(key, values)])
                XCTAssertEqual(state.form?.fields.first { $0.name == OfferField.sessions.rawValue }?.error, expected, "\(language) \(typed)")
                if language != "en" { XCTAssertFalse(expected.contains(" is not "), expected) }
            }
        }
    }

    /// The dates field reads a date as every other date field of the screen does: without its
    /// year (that day this year), or in the screen's own format.
    func testADateWithoutItsYearIsTakenAsInTheOtherDateFields() {
        let env = Fixtures.env("da")
        var state = Fixtures.state()
        state.catalogue = CatalogueState()
        state.form = CatalogueForms.offer(nil, strings: env.strings, languages: ["da", "sv", "de", "en"])
        for (field, text) in [(OfferField.title, "CV-værksted"), (.sessions, "10.12 10-12; 17.12. 9-11"), (.capacity, "12")] {
            let index = state.form?.fields.firstIndex { $0.name == field.rawValue } ?? 0
            state.form?.focus = index
            for character in text { _ = Update.handle(.char(character), state: &state, env: env) }
        }
        let effects = Update.handle(.enter, state: &state, env: env)
        XCTAssertNil(state.form, state.form?.fields.compactMap(\.error).joined(separator: "; ") ?? "")
        guard case .saveOffer(let offer, _)? = effects.first(where: { if case .saveOffer = $0 { true } else { false } }) else {
            return XCTFail("the offer is saved: \(effects)")
        }
        let year = state.today.components.year
        XCTAssertEqual(offer.sessions.map(\.day), [Day(year: year, month: 12, day: 10), Day(year: year, month: 12, day: 17)])
        XCTAssertEqual(offer.sessions.map(\.start), ["10:00", "09:00"])
    }
}
