import Foundation
import StepwiseCore
import StepwiseTestSupport
import StepwiseUI
import XCTest

/// The job search, driven in process with keys: the agreement written together and approved
/// by the citizen, three applications each through an interview, one to "not this time" with
/// the employer's feedback and one to an offer, a job that starts and the follow-along support
/// agreed after it with its first contact. Then the summary, the calendar file (read by python
/// icalendar), the citizen's export, the audit log and the JSON Schema hold all of it.
final class JobSearchJourneyTests: XCTestCase {
    private let citizen = "Karin Højgaard Nielsen"

    /// Fills the focused text field with `text` (emptying it first) and moves to the next field.
    private func fill(_ h: AppHarness, _ text: String) {
        h.press(.ctrl("u"))
        h.type(text)
        h.press(.tab)
    }

    /// Adds an application on the jobs tab: employer, title, date; `method` presses of → on the method.
    private func apply(_ h: AppHarness, employer: String, title: String, date: String, method: Int) {
        h.press(.char("a"))
        XCTAssertTrue(h.screen.contains("New application or employer contact"), h.screen)
        fill(h, employer)
        fill(h, title)
        fill(h, date)
        for _ in 0..<method { h.press(.right) }
        h.press(.enter)
        XCTAssertNil(h.state.form, "the application form closed:\n\(h.screen)")
    }

    /// Selects the application of `employer` on the jobs tab.
    private func select(_ h: AppHarness, _ employer: String, file: StaticString = #filePath, line: UInt = #line) {
        h.press(.home)
        for _ in 0..<30 where !h.row(containing: employer).hasPrefix("›") { h.press(.down) }
        XCTAssertTrue(h.row(containing: employer).hasPrefix("›"), "\(employer) is selected:\n\(h.screen)", file: file, line: line)
    }

    /// `v` on the selected application: an interview with its day, time and place, how it went, and the feedback.
    private func interview(_ h: AppHarness, date: String, time: String, place: String, went: String, feedback: String?) {
        h.press(.char("v"))
        XCTAssertTrue(h.screen.contains("Job interview"), h.screen)
        fill(h, date)
        fill(h, time)
        fill(h, place)
        fill(h, went)
        if let feedback {
            h.press(.right)
            h.press(.tab)
            h.type(feedback)
        }
        h.press(.enter)
        XCTAssertNil(h.state.form, "the interview form closed:\n\(h.screen)")
    }

    /// `t` on the selected application: the `choice`-th status that may follow (0 the first), on `date`.
    private func move(_ h: AppHarness, choice: Int, date: String) {
        h.press(.char("t"))
        XCTAssertTrue(h.screen.contains("What came of it?"), h.screen)
        for _ in 0..<choice { h.press(.right) }
        h.press(.tab)
        fill(h, date)
        h.press(.enter)
        XCTAssertNil(h.state.form, "the status form closed:\n\(h.screen)")
    }

    func testAgreementThreeApplicationsThroughInterviewsRejectionWithFeedbackOfferAndFollowAlong() throws {
        let h = try AppHarness()
        guard let id = h.id(of: citizen) else { return XCTFail("the demo data has no \(citizen)") }
        h.open("karin")
        h.press(.char("6"))
        XCTAssertTrue(h.screen.contains("[6 Jobs]"), h.screen)
        XCTAssertTrue(h.screen.contains("Not written yet. Any number a week is fine, including zero."), h.screen)

        // The agreement, written together: the citizen's words, three methods, 3 contacts a week.
        h.press(.char("e"))
        XCTAssertTrue(h.screen.contains("Job-search agreement"), h.screen)
        fill(h, "Lager, bageri, køkkenmedhjælper")
        fill(h, "45 minutter med bus")
        fill(h, "15-20 timer, formiddage")
        fill(h, "Jobnet, Jobindex")
        h.press(.right, .tab, .tab, .right, .tab, .tab, .right, .tab, .tab)  // advertised, network, walk-in
        h.type("3")
        h.press(.enter)
        XCTAssertNil(h.state.form, h.screen)
        var agreement = try XCTUnwrap(h.state.open?.participant.jobSearch.agreement)
        XCTAssertEqual(agreement.methods, [.advertised, .network, .walkIn])
        XCTAssertEqual(agreement.perWeek, 3)
        XCTAssertEqual(agreement.written.by, citizen, "written in the words of the writer chosen with w: the citizen")
        XCTAssertTrue(h.screen.contains("not approved yet (A)"), h.screen)
        h.press(.char("A"))
        agreement = try XCTUnwrap(h.state.open?.participant.jobSearch.agreement)
        XCTAssertTrue(agreement.isApproved)
        XCTAssertEqual(agreement.approvals.last?.stamp.by, citizen, "approved in the citizen's name")

        // Three applications, each through an interview.
        apply(h, employer: "Coop Lager Køge", title: "Lagermedarbejder", date: "2026-11-09", method: 0)
        apply(h, employer: "Bageriet Ørsted", title: "Bagermedhjælper", date: "2026-11-16", method: 4)
        apply(h, employer: "Netto Ringsted", title: "Butiksmedhjælper", date: "2026-11-23", method: 1)
        XCTAssertTrue(h.screen.contains("Applications and employer contacts (3)"), h.screen)
        select(h, "Coop Lager Køge")
        interview(
            h, date: "2026-11-12", time: "10:00", place: "Køge", went: "Nervøs i starten, men jeg fik fortalt om bageriet",
            feedback: "Gode svar; de valgte en med truckcertifikat")
        move(h, choice: 1, date: "2026-11-20")  // interview → not this time
        select(h, "Bageriet Ørsted")
        interview(h, date: "2026-11-19", time: "08:30", place: "Ørstedsgade 4", went: "Jeg fik lov at prøve dejen", feedback: nil)
        move(h, choice: 0, date: "2026-11-25")  // interview → offer
        select(h, "Netto Ringsted")
        interview(h, date: "2026-12-03", time: "13:00", place: "Ringsted", went: "", feedback: nil)
        let applications = try XCTUnwrap(h.state.open?.participant.jobSearch.applications)
        XCTAssertEqual(applications.map(\.status), [.rejected, .offer, .interview])
        XCTAssertEqual(applications.map { $0.history.map(\.status) }, [[.sent, .interview, .rejected], [.sent, .interview, .offer], [.sent, .interview]])
        let coop = applications[0].interviews[0]
        XCTAssertEqual(coop.howItWent?.author, .citizen, "how it went is in the citizen's words")
        XCTAssertEqual(coop.howItWent?.by, citizen)
        XCTAssertTrue(coop.feedbackAgreed)
        XCTAssertEqual(coop.feedback?.text, "Gode svar; de valgte en med truckcertifikat")
        XCTAssertTrue(h.flatScreen.contains("Employer's feedback: Gode svar; de valgte en med truckcertifikat"), h.screen)
        XCTAssertTrue(h.screen.contains("not this time"), h.screen)

        // The job starts (a milestone), and the jobs tab offers follow-along support.
        h.press(.char("4"), .char("m"))
        fill(h, "Bageriet Ørsted")
        for _ in 0..<4 { h.press(.right) }
        h.press(.enter)
        XCTAssertEqual(h.state.open?.participant.milestones.last?.kind, .jobOrEducationStarted, h.screen)
        h.press(.char("6"))
        XCTAssertTrue(h.screen.contains("A job started on 30 Nov 2026. Agree on follow-along support?"), h.screen)
        h.press(.char("F"))
        XCTAssertTrue(h.screen.contains("Follow-along support"), h.screen)
        h.press(.enter)
        let support = try XCTUnwrap(h.state.open?.participant.followAlong, h.screen)
        XCTAssertEqual(support.start, Day(AppHarness.start, timeZone: .gmt))
        XCTAssertEqual(support.what, "Bageriet Ørsted")
        XCTAssertEqual([support.weeklyWeeks, support.thenEveryWeeks], [4, 4])
        h.press(.char("c"))
        h.press(.tab)
        fill(h, "Karin og Lise")
        h.type("Første dag gik godt")
        h.press(.enter)
        XCTAssertEqual(h.state.open?.participant.followAlong?.contacts.map(\.said.text), ["Første dag gik godt"], h.screen)
        XCTAssertTrue(h.screen.contains("Next contact Mon 7 Dec"), h.screen)
        XCTAssertTrue(h.screen.contains("every week for the first 4 weeks, then every 4 weeks, for as long as wanted"), h.screen)

        // Saved: the record holds all of it.
        let saved = try h.store.loadParticipant(id)
        XCTAssertEqual(saved.jobSearch, h.state.open?.participant.jobSearch)
        XCTAssertEqual(saved.followAlong, h.state.open?.participant.followAlong)

        // The summary, in the citizen's language (Danish).
        h.press(.char("5"))
        let summary = (h.state.open?.summaryPages ?? []).joined().joined(separator: " ").split(separator: " ").joined(separator: " ")
        for expected in [
            "Min jobsøgning", "Coop Lager Køge – Lagermedarbejder", "ikke denne gang", "“Nervøs i starten, men jeg fik fortalt om bageriet”",
            "Gode svar; de valgte en med truckcertifikat", "tilbud", "Opfølgning efter start", "“Første dag gik godt”",
        ] {
            XCTAssertTrue(summary.contains(expected), "the summary lacks \(expected):\n\(summary)")
        }

        // The calendar file, as python icalendar reads it: the interview to come, the next contact.
        let ics = h.folder.appendingPathComponent("karin.ics")
        h.press(.char("c"), .ctrl("u"))
        h.type(ics.path)
        h.press(.enter)
        let events = try ICalendarParser.events(in: ics)
        let netto = try XCTUnwrap(events.first { $0["summary"] == "Jobsamtale: Netto Ringsted" }, "\(events)")
        XCTAssertEqual(netto["start"], "2026-12-03T13:00:00+01:00")
        XCTAssertEqual(netto["location"], "Ringsted")
        let follow = try XCTUnwrap(events.first { $0["summary"] == "Opfølgning med min coach" }, "\(events)")
        XCTAssertEqual(follow["start"], "2026-12-07")

        // The citizen's export and the audit log, which names the actions and never their words.
        let export = try CitizenExport.collect(h.store.loadParticipant(id), from: h.store, by: h.identity, at: AppHarness.start)
        XCTAssertEqual(export.participant.jobSearch.applications.count, 3)
        XCTAssertEqual(export.participant.followAlong?.contacts.count, 1)
        let exported = try export.text(try Localizer.load(language: "en", resources: resourcesURL), indicators: try IndicatorSet.load(resources: resourcesURL))
        for expected in ["Gode svar; de valgte en med truckcertifikat", "Første dag gik godt", "Karin og Lise", "not this time", "offer"] {
            XCTAssertTrue(exported.contains(expected), "the export's text has \(expected)")
        }
        let actions = Set(export.audit.map(\.action))
        for action in [AuditAction.jobAgreement, .jobAgreementApproved, .application, .interview, .applicationStatus, .followAlong, .followAlongContact] {
            XCTAssertTrue(actions.contains(action), "the audit log names \(action)")
        }
        let log = try String(contentsOf: h.folder.appendingPathComponent("audit.log"), encoding: .utf8)
        XCTAssertFalse(log.contains("Coop"), "no words of the record in the audit log")
        XCTAssertFalse(log.contains("truckcertifikat"), "no words of the record in the audit log")

        // The written record and the audit log match their schemas (python jsonschema).
        let script = #"""
            import json, sys
            from jsonschema import Draft202012Validator
            participant = Draft202012Validator(json.load(open(sys.argv[1])), format_checker=Draft202012Validator.FORMAT_CHECKER)
            audit = Draft202012Validator(json.load(open(sys.argv[2])), format_checker=Draft202012Validator.FORMAT_CHECKER)
            record = json.load(open(sys.argv[3]))
            errors = [e.message for e in participant.iter_errors(record)]
            for line in open(sys.argv[4], encoding="utf-8"):
                errors += [e.message for e in audit.iter_errors(json.loads(line))]
            assert record["followAlong"]["contacts"][0]["said"]["author"] == "citizen"
            assert len(record["jobSearch"]["applications"]) == 3
            print(json.dumps(errors))
            """#
        let result = try h.python(
            script,
            [
                resourcesURL.appendingPathComponent("schema/participant.schema.json").path,
                resourcesURL.appendingPathComponent("schema/audit-entry.schema.json").path,
                h.folder.appendingPathComponent("participants/\(id).json").path, h.folder.appendingPathComponent("audit.log").path,
            ])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.output, "[]")
    }
}
