import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

final class PlanTests: XCTestCase {
    let today = day("2026-11-22")
    var citizen: PlanEditor { PlanEditor(author: .citizen, name: "Søren", now: Date(timeIntervalSince1970: 1_795_000_000), today: today) }
    var coach: PlanEditor { PlanEditor(author: .coach, name: "Anna", now: Date(timeIntervalSince1970: 1_795_000_100), today: today) }

    func testTheCitizensWordsAreTheirsAndTheCoachsAreSuggestions() {
        var plan = Plan()
        _ = citizen.addGoal(kind: .job, text: "Arbejde på et lager", in: &plan)
        _ = coach.addGoal(kind: .health, text: "Tale med lægen", in: &plan)
        XCTAssertEqual(plan.goals.map(\.isSuggestion), [false, true])
        XCTAssertEqual(plan.goals[0].text.author, .citizen)
        XCTAssertEqual(plan.goals[1].text.by, "Anna")
        let change = citizen.accept(goal: plan.goals[1].id, step: nil, in: &plan)
        XCTAssertEqual(change?.kind, .accept)
        XCTAssertFalse(plan.goals[1].isSuggestion)
        XCTAssertEqual(plan.goals[1].accepted?.by, "Søren")
        XCTAssertEqual(plan.goals[1].text.author, .coach, "accepting keeps whose words they were")
        XCTAssertNil(citizen.accept(goal: plan.goals[1].id, step: nil, in: &plan), "nothing left to accept")
    }

    func testStepsAreAddedEditedAdvancedMovedAndDropped() throws {
        var plan = Plan()
        _ = citizen.addGoal(kind: .job, text: "Lager", in: &plan)
        let goal = plan.goals[0].id
        _ = citizen.addStep(to: goal, text: "CV", who: .me, due: day("2026-11-26"), in: &plan)
        _ = coach.addStep(to: goal, text: "Ring til Coop", who: .other("Coop"), due: nil, in: &plan)
        let (cv, coop) = (plan.goals[0].steps[0].id, plan.goals[0].steps[1].id)
        XCTAssertEqual(plan.goals[0].steps[1].isSuggestion, true)
        XCTAssertNotNil(citizen.moveStep(coop, in: goal, by: -1, in: &plan))
        XCTAssertEqual(plan.goals[0].steps.map(\.id), [coop, cv])
        XCTAssertNil(citizen.moveStep(coop, in: goal, by: -1, in: &plan), "the first cannot move up")
        let later = PlanEditor(author: .citizen, name: "Søren", now: Date(), today: day("2026-11-24"))
        _ = later.advanceStep(cv, in: goal, in: &plan)
        XCTAssertEqual(plan.goals[0].steps[1].status, .doing)
        XCTAssertEqual(plan.goals[0].steps[1].statusChanged.iso, "2026-11-24")
        XCTAssertNotNil(
            citizen.editStep(
                coop, in: goal, text: "Ringe til Coop i Aarhus", who: .me, due: day("2026-12-01"),
                status: .planned, in: &plan))
        XCTAssertFalse(plan.goals[0].steps[0].isSuggestion, "the citizen rewording a suggestion makes it theirs")
        XCTAssertEqual(plan.goals[0].steps[0].text.author, .citizen)
        XCTAssertNil(
            citizen.editStep(
                coop, in: goal, text: "Ringe til Coop i Aarhus", who: .me, due: day("2026-12-01"),
                status: .planned, in: &plan), "no change, no new version")
        XCTAssertNotNil(citizen.dropStep(cv, in: goal, in: &plan))
        XCTAssertEqual(plan.goals[0].steps[1].status, .dropped)
        XCTAssertNotNil(citizen.dropGoal(goal, in: &plan))
        XCTAssertEqual(plan.goals[0].dropped, today)
    }

    func testAboutMeEntriesAreWrittenAndCleared() {
        var plan = Plan()
        XCTAssertNotNil(citizen.setAbout(.goodAt, "  Tømrer i 18 år ", in: &plan))
        XCTAssertEqual(plan.aboutMe["goodAt"]?.text, "Tømrer i 18 år")
        XCTAssertNil(citizen.setAbout(.goodAt, "Tømrer i 18 år", in: &plan))
        XCTAssertNotNil(citizen.setAbout(.goodAt, "", in: &plan))
        XCTAssertNil(plan.aboutMe["goodAt"])
    }

    func testHistoryIsAppendedAndSurvivesAHalfWrittenLine() throws {
        let temp = TempStore()
        defer { temp.cleanUp() }
        try temp.store.prepare()
        var plan = Plan()
        for version in 1...3 {
            _ = citizen.addGoal(kind: .job, text: "Mål \(version) æøå", in: &plan)
            plan.version = version
            try temp.store.appendHistory(
                PlanVersion(
                    version: version, stamp: Stamp(by: "Søren", at: Date()), author: .citizen,
                    change: PlanChange(.addGoal, "Mål"), plan: plan), participant: "p-abc")
        }
        let file = temp.url.appendingPathComponent("history/p-abc.jsonl")
        XCTAssertEqual(mode(file), 0o600)
        let handle = try FileHandle(forWritingTo: file)
        handle.seekToEndOfFile()
        handle.write(Data("{\"version\":4,\"pla".utf8))
        try handle.close()
        let history = temp.store.loadHistory(participant: "p-abc")
        XCTAssertEqual(history.map(\.version), [1, 2, 3])
        XCTAssertEqual(history[2].plan.goals.map(\.text.text), ["Mål 1 æøå", "Mål 2 æøå", "Mål 3 æøå"])
    }

    func testChangesAreMarkedSinceTheLastConversationOrApproval() {
        var p = Participant(
            id: "p-abc", name: "Søren", language: "da", courseStart: day("2026-10-05"),
            by: Stamp(by: "Anna", at: Date()))
        var plan = Plan()
        _ = citizen.addGoal(kind: .job, text: "Lager", in: &plan)
        _ = citizen.addStep(to: plan.goals[0].id, text: "CV", who: .me, due: nil, in: &plan)
        plan.version = 1
        let v1 = PlanVersion(
            version: 1, stamp: Stamp(by: "Søren", at: Date(timeIntervalSince1970: 1_791_201_600)),  // 5 Oct
            author: .citizen, change: PlanChange(.addGoal, "Lager"), plan: plan)
        XCTAssertNil(PlanChanges.baseline(p, history: [v1]), "no conversation held, nothing approved: no baseline")
        p.conversations[0].status = .held
        p.conversations[0].statusChanged = day("2026-10-05")
        XCTAssertEqual(PlanChanges.baseline(p, history: [v1])?.version, 1)
        _ = coach.addStep(to: plan.goals[0].id, text: "Ring til Coop", who: .coach, due: nil, in: &plan)
        _ = citizen.advanceStep(plan.goals[0].steps[0].id, in: plan.goals[0].id, in: &plan)
        let marks = PlanChanges.marks(plan, since: v1.plan)
        XCTAssertEqual(marks[plan.goals[0].steps[0].id], .changed)
        XCTAssertEqual(marks[plan.goals[0].steps[1].id], .new)
        XCTAssertNil(marks[plan.goals[0].id])
        // An approval after that moves the baseline up.
        plan.version = 2
        let v2 = PlanVersion(
            version: 2, stamp: Stamp(by: "Søren", at: Date()), author: .citizen, change: PlanChange(.approve, ""), plan: plan)
        p.plan = plan
        _ = citizen.approve(conversation: nil, in: &p.plan)
        XCTAssertEqual(p.plan.approvals.last?.version, 3)
        XCTAssertEqual(PlanChanges.baseline(p, history: [v1, v2])?.version, 2)
        XCTAssertEqual(PlanChanges.marks(plan, since: v2.plan), [:])
    }

    /// An "about me" answer written or changed since the baseline is marked, and counts among
    /// the changes, as goals and steps do; one left as it was is not.
    func testAboutMeAnswersAreMarkedLikeGoalsAndSteps() {
        var baseline = Plan()
        _ = citizen.setAbout(.goodAt, "Noggrann", in: &baseline)
        _ = citizen.setAbout(.matters, "Lugna kollegor", in: &baseline)
        var plan = baseline
        _ = citizen.setAbout(.goodAt, "Noggrann och snabb", in: &plan)
        _ = citizen.setAbout(.inTheWay, "Telefonsamtal", in: &plan)
        let marks = PlanChanges.marks(plan, since: baseline)
        XCTAssertEqual(
            marks, [PlanChanges.aboutKey(.goodAt): .changed, PlanChanges.aboutKey(.inTheWay): .new])
        XCTAssertEqual(PlanChanges.marks(baseline, since: baseline), [:])
    }

    /// During conversation 2 the marks compare with conversation 1, not with the moment
    /// conversation 2 began.
    func testTheMarksDuringConversationTwoCompareWithConversationOne() throws {
        let t0 = Date(timeIntervalSince1970: 1_791_201_600)  // Mon 5 Oct 2026 12:00 UTC
        var p = Participant(id: "p-abc", name: "Søren", language: "da", courseStart: day("2026-10-05"), by: Stamp(by: "Anna", at: t0))
        _ = citizen.addGoal(kind: .job, text: "Lager", in: &p.plan)
        p.plan.version = 1
        let v1 = PlanVersion(
            version: 1, stamp: Stamp(by: "Søren", at: t0), author: .citizen, change: PlanChange(.addGoal, "Lager"), plan: p.plan)
        _ = p.startSession(
            id: "x-1", kind: .conversation1, present: [], stamp: Stamp(by: "Anna", at: t0.addingTimeInterval(60)), today: day("2026-10-05"))
        p.endSession(agreements: nil, next: nil, at: t0.addingTimeInterval(3600))
        _ = citizen.addGoal(kind: .health, text: "Sove bedre", in: &p.plan)
        p.plan.version = 2
        let v2 = PlanVersion(
            version: 2, stamp: Stamp(by: "Søren", at: t0.addingTimeInterval(86_400)), author: .citizen,
            change: PlanChange(.addGoal, "Sove bedre"), plan: p.plan)
        XCTAssertEqual(PlanChanges.baseline(p, history: [v1, v2], timeZone: .gmt)?.version, 1)
        _ = p.startSession(
            id: "x-2", kind: .conversation2, present: [], stamp: Stamp(by: "Anna", at: t0.addingTimeInterval(90 * 86_400)),
            today: day("2027-01-03"))
        XCTAssertEqual(
            PlanChanges.baseline(p, history: [v1, v2], timeZone: .gmt)?.version, 1,
            "while conversation 2 runs, the marks still show what changed since conversation 1")
        XCTAssertEqual(PlanChanges.marks(p.plan, since: v1.plan)[p.plan.goals[1].id], .new)
        p.endSession(agreements: nil, next: nil, at: t0.addingTimeInterval(90 * 86_400 + 3600))
        XCTAssertEqual(PlanChanges.baseline(p, history: [v1, v2], timeZone: .gmt)?.version, 2, "after it, they count from conversation 2")
    }

    func testAPlanRoundTripsThroughTheStore() throws {
        let temp = TempStore()
        defer { temp.cleanUp() }
        try temp.store.prepare()
        var p = Participant(
            id: "p-abc", name: "Søren", language: "da", courseStart: day("2026-10-05"),
            by: Stamp(by: "Anna", at: Date(timeIntervalSince1970: 1_795_000_000)))
        _ = citizen.addGoal(kind: .everyday, text: "Stå op kl. 7 – hver dag", in: &p.plan)
        _ = coach.addStep(to: p.plan.goals[0].id, text: "Vækkeur", who: .other("Mor"), due: day("2026-12-01"), in: &p.plan)
        try temp.store.save(p)
        XCTAssertEqual(try temp.store.loadParticipant("p-abc"), p)
    }
}
