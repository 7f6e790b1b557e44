import Foundation
import StepwiseTestSupport

@testable import StepwiseCore
@testable import StepwiseUI

/// Fixed people, offers and a fixed today, so that screens render the same every run.
enum Fixtures {
    static let today = Day(iso: "2026-11-22") ?? Day(ordinal: 0)
    static let stamp = Stamp(by: "Anna", at: Date(timeIntervalSince1970: 1_795_000_000))

    static func env(_ language: String = "en") -> UIEnvironment {
        do {
            var env = try UIEnvironment.load(resources: resourcesURL, language: language, alsoLoading: ["da"])
            // DejaVu Sans from fonts-dejavu-core, so the summary tab previews the PDF.
            env.fonts = try? SummaryFonts.load(environment: [:])
            return env
        } catch {
            fatalError("the resources at \(resourcesURL.path) do not load: \(error)")
        }
    }

    static func participant(_ id: String, _ name: String, start: String, held: Int = 0) -> Participant {
        var p = Participant(id: id, name: name, language: "da", courseStart: Day(iso: start) ?? today, by: stamp)
        for index in 0..<held { p.conversations[index].status = .held }
        return p
    }

    static let soren = participant("p-soren", "Søren Ærø Kjærgaard", start: "2026-10-05", held: 1)

    /// Søren with a plan: about me, a goal with steps, and a coach's suggestion; the first
    /// version was written at conversation 1, the rest since.
    static var sorenWithPlan: (participant: Participant, history: [PlanVersion]) {
        var p = soren
        p.conversations[0].statusChanged = Day(iso: "2026-10-05")
        let start = Date(timeIntervalSince1970: 1_791_201_600)  // 2026-10-05 12:00 UTC
        let citizen = PlanEditor(author: .citizen, name: p.name, now: start, today: Day(iso: "2026-10-05") ?? today)
        _ = citizen.setAbout(.goodAt, "Jeg er god med mine hænder og har været tømrer i 18 år.", in: &p.plan)
        _ = citizen.setAbout(.supportNotWanted, "Kurser, der ikke fører nogen vegne.", in: &p.plan)
        _ = citizen.addGoal(kind: .job, text: "Arbejde på et lager, 20 timer om ugen", in: &p.plan)
        let goal = p.plan.goals[0].id
        _ = citizen.addStep(to: goal, text: "Lave et nyt CV", who: .me, due: Day(iso: "2026-11-26"), in: &p.plan)
        _ = citizen.addStep(to: goal, text: "Finde to lagre med praktik", who: .coach, due: Day(iso: "2026-11-17"), in: &p.plan)
        p.plan.version = 1
        let first = PlanVersion(
            version: 1, stamp: Stamp(by: p.name, at: start), author: .citizen,
            change: PlanChange(.addGoal, "Arbejde på et lager"), plan: p.plan)
        let later = PlanEditor(author: .citizen, name: p.name, now: stamp.at, today: today)
        _ = later.advanceStep(p.plan.goals[0].steps[1].id, in: goal, in: &p.plan)
        _ = later.advanceStep(p.plan.goals[0].steps[1].id, in: goal, in: &p.plan)
        let coach = PlanEditor(author: .coach, name: "Anna", now: stamp.at, today: today)
        _ = coach.addStep(to: goal, text: "Ringe til Coop om en praktikplads", who: .coach, due: nil, in: &p.plan)
        p.plan.version = 2
        let second = PlanVersion(
            version: 2, stamp: Stamp(by: "Anna", at: stamp.at), author: .coach,
            change: PlanChange(.addStep, "Ringe til Coop"), plan: p.plan)
        return (p, [first, second])
    }
    static let people = [
        soren,
        participant("p-asa", "Åsa Lindqvist", start: "2026-11-16"),
        participant("p-jurgen", "Jürgen Weiß", start: "2026-08-24", held: 1),
        participant("p-grace", "Grace O'Neill", start: "2026-11-30"),
        participant("p-mette", "Mette Brøndum", start: "2026-05-18", held: 3),
        participant("p-wide", "李小龙 Lee", start: "2026-10-05", held: 1),
    ]

    static var offers: [Offer] {
        var mentor = Offer(
            id: "o-mentor", title: "Mentorstøtte", kind: "mentor", description: "",
            sessions: [OfferSession(day: Day(iso: "2026-11-30") ?? today, start: "10:00", end: "11:00")],
            place: "Jobhuset, Søndergade 12", capacity: 3, language: "da")
        mentor.booked = [Seat(participantId: "p-soren", since: stamp.at)]
        var cv = Offer(
            id: "o-cv", title: "CV-værksted", kind: "workshop", description: "",
            sessions: [OfferSession(day: Day(iso: "2026-12-02") ?? today, start: "09:00", end: "12:00")],
            place: "online", capacity: 1, language: "da")
        cv.booked = [Seat(participantId: "p-asa", since: stamp.at)]
        cv.waiting = [Seat(participantId: "p-jurgen", since: stamp.at), Seat(participantId: "p-soren", since: stamp.at)]
        return [mentor, cv]
    }

    /// The caseload of `people` at 80x24 (or another size).
    static func state(width: Int = 80, height: Int = 24) -> AppState {
        var state = AppState(width: width, height: height, today: today, coach: "Anna")
        state.caseload = Caseload(people.sorted { $0.name < $1.name }.map { .participant(CaseloadEntry($0)) })
        state.offers = offers
        return state
    }
}

extension Fixtures {
    /// The screen of `state` in `language`.
    static func screen(_ state: AppState, _ language: String = "en") -> ScreenBuffer {
        Renderer.render(state, env: env(language))
    }
}

/// Compares a screen with two snapshots beside the calling test file: its text
/// (`<name>.txt`) and its styles, one letter per cell (`<name>.styles.txt`, see
/// `ScreenBuffer.styleText`), so that a lost highlight fails as a changed word does.
func expectScreenSnapshot(_ screen: ScreenBuffer, named name: String, file: StaticString = #filePath, line: UInt = #line) {
    expectSnapshot(screen.text + "\n", named: name, file: file, line: line)
    expectSnapshot(screen.styleText + "\n", named: name + ".styles", file: file, line: line)
}
