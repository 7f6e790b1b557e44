import Foundation

/// Job-search histories for some demo participants, at different points: agreements (one of
/// 0 contacts a week), applications through an interview to "not this time" with the
/// employer's feedback and to an offer, one with an interview still to come, one quiet for
/// some weeks, and follow-along support after a job started (one with a contact due soon, one
/// overdue). Danish, Swedish, German and English employers and jobs. Days count from `today`,
/// so the demo reads the same on every run.
enum DemoJobSearch {
    /// One application: days from today, employer, job title, method; then what came of it.
    private struct Applied {
        var days: Int
        var employer: String
        var title: String
        var method: ApplicationMethod
        /// Status moves after sending: (days from today, status).
        var moves: [(Int, ApplicationStatus)] = []
        /// An interview: (days from today, time, place, how it went, employer's feedback).
        var interview: (Int, String, String, String?, String?)? = nil
        var next: (String, Int)? = nil
    }

    private struct History {
        var agreement: (titles: String, travel: String, hours: String, channels: String, methods: [ApplicationMethod], perWeek: Int)
        var applications: [Applied]
    }

    private static let histories: [String: History] = [
        "Søren Ærø Kjærgaard": History(
            agreement: ("Lager, bageri, køkkenmedhjælper", "45 minutter med bus", "15-20 timer, formiddage", "Jobnet, Jobindex", [.advertised, .walkIn, .network], 3),
            applications: [
                Applied(
                    days: -27, employer: "Coop Lager Køge", title: "Lagermedarbejder", method: .advertised, moves: [(-16, .rejected)],
                    interview: (-19, "10:00", "Køge", "Nervøs i starten, men jeg fik fortalt om bageriet", "Gode svar; de valgte en med truckcertifikat")),
                Applied(
                    days: -13, employer: "Bageriet Ørsted", title: "Bagermedhjælper", method: .walkIn, moves: [(-3, .offer)],
                    interview: (-9, "08:30", "Ørstedsgade 4", "Det gik godt. Jeg fik lov at prøve dejen", nil), next: ("Svare på tilbuddet", 2)),
                Applied(days: -4, employer: "Netto Ringsted", title: "Butiksmedhjælper", method: .unsolicited),
            ]),
        "Jürgen Weiß": History(
            agreement: ("Lager, Logistik, Hausmeister", "bis 30 Minuten mit dem Rad", "Vollzeit, keine Nachtschicht", "Jobbörse der Arbeitsagentur, StepStone", [.advertised, .agency, .phone], 2),
            applications: [
                Applied(days: -45, employer: "REWE Markt Altona", title: "Mitarbeiter Warenverräumung", method: .advertised, moves: [(-30, .noAnswer)]),
                Applied(
                    days: -36, employer: "Bäckerei Schmidt", title: "Fahrer", method: .phone,
                    interview: (6, "09:00", "Bahrenfelder Straße 12", nil, nil), next: ("Führerschein mitbringen", 6)),
            ]),
        "Elin Berg": History(
            agreement: ("Butik, kassa, lager", "inom Göteborg med spårvagn", "deltid, 50 %", "Platsbanken, LinkedIn", [.advertised, .unsolicited], 2),
            applications: [
                Applied(days: -24, employer: "ICA Maxi Högsbo", title: "Butiksbiträde", method: .advertised, moves: [(-10, .noAnswer)]),
                Applied(
                    days: -22, employer: "Coop Backaplan", title: "Kassapersonal", method: .unsolicited, moves: [(-8, .rejected)],
                    interview: (-15, "14:00", "Backaplan", "Jag var lugn och berättade om mitt frivilliga arbete", "Trevlig intervju; de sökte någon med erfarenhet av kassa")),
            ]),
        "Priya Shah": History(
            agreement: ("Café, kitchen, cleaning", "up to an hour by train", "part time, daytime", "LinkedIn, Indeed, Workindenmark", [.advertised, .network, .walkIn], 2),
            applications: [
                Applied(
                    days: -20, employer: "The Old Bakery Café", title: "Barista", method: .walkIn, moves: [(-5, .rejected)],
                    interview: (-12, "11:00", "Nørrebrogade 20", "I was calm and told them about cooking for my family", "Friendly and reliable; they hired someone with barista training")),
                Applied(
                    days: -9, employer: "Green Hands Gardening Ltd", title: "Garden assistant", method: .network, moves: [(-1, .offer)],
                    interview: (-4, "13:30", "Valby", "I liked the team. I asked about the hours myself", nil), next: ("Sign the contract", 3)),
                Applied(days: -2, employer: "Hotel Nordic Star", title: "Housekeeping", method: .advertised),
            ]),
        "Lena Groß": History(
            agreement: ("erst einmal keine Bewerbungen, Praktikum im Garten", "in der Nähe", "vormittags", "", [], 0),
            applications: []),
    ]

    /// Follow-along support after the job in the outcome: weekly contacts held (days after the
    /// start), then every four weeks; the words of each contact in the citizen's language.
    private static let followAlong: [String: (contacts: [Int], with: String, said: [String])] = [
        "Kasper Lund": (
            [7, 14, 21], "Kasper og mentoren Jens",
            ["Første uge gik godt. Trætte ben, men glad.", "Mentoren siger, han er stabil.", "Vil gerne have flere timer efter nytår."]
        ),
        "Johan Ek": ([7, 14, 21, 28, 56, 84], "Johan", ["Första veckan var tung men bra.", "Han trivs med arbetslaget.", "Tar truckkortet B nästa månad.", "Allt lugnt.", "Har fått fast schema.", "Vill höras mer sällan nu."]),
    ]

    /// Adds the job search (and follow-along support) of the demo participant named like
    /// `participant`, if the demo has one for them. `coach` writes what is not the citizen's.
    static func live(_ participant: inout Participant, coach: String, today: Day) {
        let moment = { (day: Day) in Stamp(by: coach, at: day.atHour(11)) }
        if let history = histories[participant.name] {
            let agreed = participant.courseStart.adding(days: 7)
            let a = history.agreement
            participant.writeJobSearchAgreement(
                titles: a.titles, travel: a.travel, hours: a.hours, channels: a.channels, methods: a.methods, perWeek: a.perWeek,
                stamp: moment(agreed))
            participant.approveJobSearchAgreement(on: agreed, stamp: Stamp(by: participant.name, at: agreed.atHour(11)))
            for (index, applied) in history.applications.enumerated() {
                let id = "a-demo-\(index + 1)"
                var application = JobApplication(
                    id: id, employer: applied.employer, jobTitle: applied.title, day: today.adding(days: applied.days),
                    method: applied.method, stamp: moment(today.adding(days: applied.days)))
                if let (text, days) = applied.next {
                    application.nextStep = text
                    application.nextStepDay = today.adding(days: days)
                }
                participant.addApplication(application)
                if let (days, time, place, went, feedback) = applied.interview {
                    let day = today.adding(days: days)
                    let held = day.atHour(16)
                    let interview = Interview(
                        id: "i-demo-\(index + 1)", day: day, time: time, place: place,
                        howItWent: went.map { Words($0, author: .citizen, by: participant.name, at: held) },
                        feedbackAgreed: feedback != nil || went != nil,
                        feedback: feedback.map { Words($0, author: .coach, by: coach, at: held) })
                    try? participant.addInterview(interview, to: id, stamp: moment(min(day, today)))
                }
                for (days, status) in applied.moves {
                    try? participant.moveApplication(id, to: status, on: today.adding(days: days), stamp: moment(today.adding(days: days)))
                }
            }
        }
        if let plan = followAlong[participant.name], let started = participant.startedJobOrEducation {
            participant.writeFollowAlong(
                reason: started.reason, start: started.day, what: started.text, weeklyWeeks: FollowAlong.suggestedWeeklyWeeks,
                thenEveryWeeks: FollowAlong.suggestedEveryWeeks, until: nil, stamp: moment(started.day))
            for (index, days) in plan.contacts.enumerated() where started.day.adding(days: days) < today {
                let day = started.day.adding(days: days)
                participant.addFollowAlongContact(
                    FollowAlongContact(
                        id: "f-demo-\(index + 1)", day: day, with: plan.with,
                        said: Words(plan.said[index % plan.said.count], author: .citizen, by: participant.name, at: day.atHour(14)),
                        next: nil))
            }
        }
    }
}
