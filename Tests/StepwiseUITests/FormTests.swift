import Foundation
import XCTest

@testable import StepwiseCore
@testable import StepwiseUI

/// Forms read their fields by name, keep them in drafts, and share one set of validators.
final class FormTests: XCTestCase {
    let env = Fixtures.env()

    func press(_ keys: [Key], _ state: inout AppState) -> [Effect] {
        keys.flatMap { Update.handle($0, state: &state, env: env) }
    }

    func type(_ text: String) -> [Key] { text.map { Key.char($0) } }

    /// One of every form the program makes.
    var everyForm: [Form] {
        let s = env.strings
        let p = Fixtures.sorenWithPlan.participant
        let offer = Fixtures.offers[0]
        return [
            AddParticipantForm.addParticipant(language: "en", languages: ["da", "de", "en", "sv"], today: "today"),
            PlanForms.about(.goodAt, plan: p.plan), PlanForms.goal(nil), PlanForms.goal(p.plan.goals[0]),
            PlanForms.step(goal: p.plan.goals[0].id, nil, strings: s),
            PlanForms.step(goal: p.plan.goals[0].id, p.plan.goals[0].steps[0], strings: s),
            PlanForms.conversation(p.conversations[0], strings: s),
            CoachingForms.startSession(p, today: Fixtures.today), CoachingForms.endSession(strings: s),
            CoachingForms.note(nil, writer: .citizen, strings: s), CoachingForms.milestone(today: Fixtures.today, strings: s),
            CoachingForms.outcome(nil, today: Fixtures.today, strings: s), CoachingForms.contact(nil, strings: s),
            OfferForms.filter(OfferFilter(), offers: Fixtures.offers, strings: s), OfferForms.book(offer, participant: p, strings: s),
            CatalogueForms.offer(nil, strings: s, languages: env.languages), CatalogueForms.offer(offer, strings: s, languages: env.languages),
            InternshipForms.internship(offer, strings: s), PlacementForms.placement(offer, of: p, strings: s),
            PlacementForms.followUp(offer, of: p, strings: s, today: Fixtures.today),
            SummaryTab.printerForm(["office"]),
        ]
    }

    func testEveryFormHasTheFieldsItsPurposeNames() {
        for form in everyForm {
            XCTAssertEqual(form.fields.compactMap(\.name), form.purpose.fieldNames, "\(form.purpose)")
        }
        let rating = CoachingForms.rating(env.indicators, previous: nil, language: "en")
        XCTAssertEqual(rating.fields.map(\.name), env.indicators.indicators.map(\.id) + [CoachingForms.coachBelief])
    }

    /// The names are kept in drafts: renaming or reordering one without a new `Form.currentVersion`
    /// (and a way for older drafts to map) would drop what a citizen typed.
    func testFieldNamesAreThoseOfTheCurrentDraftVersion() {
        XCTAssertEqual(Form.currentVersion, 1)
        let names = Dictionary(
            everyForm.map { (String("\($0.purpose)".prefix { $0 != "(" }), $0.fields.compactMap(\.name).joined(separator: " ")) },
            uniquingKeysWith: { first, _ in first })
        XCTAssertEqual(
            names,
            [
                "addParticipant": "name courseStart language", "about": "text", "addGoal": "text kind", "editGoal": "text kind",
                "addStep": "text who otherName due status", "editStep": "text who otherName due status", "conversation": "date time status",
                "startSession": "kind peerPresent peerName employer othersPresent",
                "endSession": "agreements nextDate nextTime place whoContacts",
                "note": "text kind tags", "milestone": "text kind date", "outcome": "text kind hours date after3Kind after3Hours after3Recorded after6Kind after6Hours after6Recorded",
                "contact": "name kind phone email consent plan attendance progress health until removed",
                "offerFilter": "words kind from freeOnly language", "book": "step",
                "editOffer": "title kind ownKind sessions place capacity language description suits",
                "internship": "employer contactPerson phone email periodStart periodEnd hours tasks",
                "placement": "periodStart periodEnd hours shorterDays moreBreaks mentor quietWorkplace otherAdjustments",
                "followUp": "date time status withParticipant withEmployer others notes next", "printer": "printer",
            ])
    }

    /// A draft stored before fields had names (version 0) still opens, and its fields are read
    /// by name as they were by position.
    func testADraftWithoutFieldNamesStillDecodesAndSubmits() throws {
        var state = Fixtures.state()
        let participant = Fixtures.sorenWithPlan.participant
        state.open = OpenParticipant(participant: participant, heldBy: nil)
        let goal = participant.plan.goals[0].id
        state.form = PlanForms.step(goal: goal, nil, strings: env.strings)
        _ = press(type("Ringe til Netto") + [.tab, .right, .right, .right, .tab] + type("Jonas") + [.tab] + type("+1w"), &state)
        let stored = try JSONEncoder().encode(try XCTUnwrap(state.form))
        var json = try XCTUnwrap(JSONSerialization.jsonObject(with: stored) as? [String: Any])
        json["version"] = nil
        json["fields"] = (json["fields"] as? [[String: Any]])?.map { field in field.filter { $0.key != "name" } }
        let old = try JSONSerialization.data(withJSONObject: json)
        XCTAssertFalse(String(decoding: old, as: UTF8.self).contains("\"name\""))

        let form = try JSONDecoder().decode(Form.self, from: old)
        XCTAssertEqual(form[StepField.text], "Ringe til Netto")
        XCTAssertEqual(form[StepField.who], "other")
        XCTAssertEqual(form[StepField.otherName], "Jonas")
        XCTAssertEqual(form.version, Form.currentVersion)
        state.form = form
        let effects = press([.enter], &state)
        XCTAssertNil(state.form)
        XCTAssertEqual(effects.count, 1)
        let step = state.open?.participant.plan.goals[0].steps.last
        XCTAssertEqual(step?.text.text, "Ringe til Netto")
        XCTAssertEqual(step?.who, .other("Jonas"))
        XCTAssertEqual(step?.due, Fixtures.today.adding(days: 7))
    }

    /// The shared validators mark the right field, by name, in every form that uses them.
    func testValidatorsMarkTheFieldTheyRead() {
        var state = Fixtures.state()
        state.open = OpenParticipant(participant: Fixtures.soren, heldBy: nil)
        state.open?.participant.startSession(kind: .followUp, present: [], stamp: Fixtures.stamp, today: Fixtures.today)
        state.form = CoachingForms.endSession(strings: env.strings)
        _ = press([.tab] + type("tomorrow") + [.tab] + type("25:00"), &state)
        XCTAssertEqual(press([.enter], &state), [])
        XCTAssertEqual(state.form?.fields[state.form?.focus ?? 0].name, EndSessionField.nextTime.rawValue)
        XCTAssertEqual(state.form?.fields[state.form?.focus ?? 0].error, env.strings("error.time"))

        state.form = CoachingForms.outcome(nil, today: Fixtures.today, strings: env.strings)
        _ = press([.tab, .right, .tab] + type("99"), &state)
        XCTAssertEqual(press([.enter], &state), [])
        XCTAssertEqual(state.form?.fields[state.form?.focus ?? 0].name, OutcomeField.hours.rawValue)

        state.open = nil
        state.catalogue = CatalogueState()
        state.form = CatalogueForms.offer(nil, strings: env.strings, languages: env.languages)
        _ = press(type("Jobklub") + [.tab, .tab, .tab, .tab, .tab] + type("lots"), &state)
        XCTAssertEqual(press([.enter], &state), [])
        let marked = state.form?.fields.filter { $0.error != nil }.compactMap(\.name)
        XCTAssertEqual(marked, [OfferField.capacity.rawValue])
    }
}
