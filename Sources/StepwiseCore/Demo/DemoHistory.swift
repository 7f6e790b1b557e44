import Foundation

/// A lived course for a demo participant: the sessions held so far (each mandatory
/// conversation, and a follow-up about every three weeks in between), who was present and what
/// was agreed, the coach's notes and the citizen's own reflections, two or three rounds of
/// ratings that move up and down, milestones, and the result once the course has ended. All
/// of it lies before `today` and follows from the participant's place in the list, so the
/// demo is the same on every run.
enum DemoHistory {
    /// Words for the demo's sessions and notes, in each language.
    private static let words: [String: (agreed: [String], notes: [String], reflections: [String], place: String)] = [
        "da": (
            [
                "Vi aftalte at opdatere CV'et og tage kontakt til to virksomheder.",
                "Næste skridt er et virksomhedsbesøg; jobkonsulenten ringer først.",
                "Vi holder fast i de korte dage og ser på praktik i næste måned.",
            ],
            [
                "God samtale. Energien er bedre end sidst, og søvnen er blevet lidt bedre.",
                "Talte om angsten for at møde nye mennesker; peer-medarbejderen deler sine erfaringer.",
                "Har været til to samtaler på egen hånd. Stolt af det.",
            ],
            [
                "Det var rart at blive lyttet til. Jeg tør mere, end jeg troede.", "Jeg var træt i dag, men jeg kom alligevel.",
                "Jeg kan mærke, at jeg er på vej.",
            ], "Jobhuset, lokale 2"
        ),
        "sv": (
            [
                "Vi kom överens om att uppdatera cv:t och kontakta två arbetsgivare.",
                "Nästa steg är ett företagsbesök; coachen ringer först.",
                "Vi håller fast vid korta dagar och tittar på praktik nästa månad.",
            ],
            [
                "Bra samtal. Mer ork än förra gången, och sömnen har blivit lite bättre.",
                "Pratade om oron för att träffa nya människor; peer-stödjaren delar sina erfarenheter.",
                "Har varit på två intervjuer på egen hand. Stolt över det.",
            ],
            [
                "Det var skönt att bli lyssnad på. Jag vågar mer än jag trodde.", "Jag var trött i dag, men jag kom ändå.",
                "Jag känner att jag är på väg.",
            ], "Arbetsmarknadsenheten, rum 4"
        ),
        "de": (
            [
                "Wir haben vereinbart, den Lebenslauf zu überarbeiten und zwei Betriebe anzusprechen.",
                "Nächster Schritt ist ein Betriebsbesuch; der Coach ruft vorher an.",
                "Wir bleiben bei kurzen Tagen und schauen uns nächsten Monat ein Praktikum an.",
            ],
            [
                "Gutes Gespräch. Mehr Kraft als beim letzten Mal, der Schlaf ist etwas besser.",
                "Über die Angst vor neuen Menschen gesprochen; die Genesungsbegleiterin erzählt von sich.",
                "War allein bei zwei Vorstellungsgesprächen. Stolz darauf.",
            ],
            [
                "Es tat gut, dass mir jemand zuhört. Ich traue mir mehr zu, als ich dachte.",
                "Ich war heute müde, bin aber trotzdem gekommen.",
                "Ich merke, dass ich vorankomme.",
            ], "Jobcenter, Raum 3"
        ),
        "en": (
            [
                "We agreed to update the CV and contact two employers.", "Next step is a company visit; the coach calls ahead.",
                "We keep the short days and look at an internship next month.",
            ],
            [
                "Good conversation. More energy than last time, and sleep is a little better.",
                "Talked about the worry of meeting new people; the peer worker shared their own story.",
                "Has been to two interviews on their own. Proud of it.",
            ],
            [
                "It felt good to be listened to. I dare more than I thought.", "I was tired today, but I came anyway.",
                "I can feel that I am getting somewhere.",
            ], "Job centre, room 2"
        ),
    ]

    /// Adds the history of `participant` up to `today`; `seed` (the place in the demo list)
    /// decides who brought a peer worker and how the ratings move. `indicators` are the ids
    /// rated; `coach` holds the sessions.
    static func live(_ participant: inout Participant, seed: Int, indicators: [String], coach: String, today: Day) {
        let text = words[participant.language] ?? words["en"] ?? ([], [], [], "")
        guard !text.agreed.isEmpty else { return }
        var moments: [(day: Day, kind: CoachingSession.Kind)] = []
        for conversation in participant.conversations where conversation.status == .held {
            moments.append((conversation.planned, [.conversation1, .conversation2, .conversation3][conversation.number - 1]))
        }
        guard !moments.isEmpty else { return }
        let lastHeld = moments.map(\.day).max() ?? today
        var day = participant.courseStart.adding(days: 21)
        while day < lastHeld {
            if !moments.contains(where: { abs($0.day.days(to: day)) < 7 }) { moments.append((CourseFrame.workday(day), .followUp)) }
            day = day.adding(days: 21)
        }
        moments.sort { $0.day < $1.day }
        var scores = Dictionary(uniqueKeysWithValues: indicators.enumerated().map { ($0.element, 3 + ($0.offset + seed) % 4) })
        var belief = 3 + seed % 3
        for (index, moment) in moments.enumerated() where moment.day < today {
            let started = moment.day.atHour(13)
            var present = [Presence(role: .citizen), Presence(role: .coach, name: coach)]
            if (seed + index) % 3 == 0 { present.append(Presence(role: .peer)) }
            var session = CoachingSession(
                id: "x-demo-\(seed)-\(index)", kind: moment.kind, present: present, started: Stamp(by: coach, at: started))
            session.ended = started.addingTimeInterval(50 * 60)
            session.agreements = Words(
                text.agreed[(seed + index) % text.agreed.count], author: .coach, by: coach, at: started.addingTimeInterval(45 * 60))
            let next = index + 1 < moments.count ? moments[index + 1].day : nil
            session.next = next.map { Appointment(day: $0, time: "13:00", place: text.place, contact: coach) }
            participant.sessions.append(session)
            participant.notes.append(
                ProgressNote(
                    id: "n-demo-\(seed)-\(index)", kind: .note, sessionId: session.id,
                    tags: index % 2 == 0 ? ["health"] : ["jobSearch"],
                    text: Words(
                        text.notes[(seed + index) % text.notes.count], author: .coach, by: coach,
                        at: started.addingTimeInterval(40 * 60))))
            if index % 2 == 1 {
                participant.notes.append(
                    ProgressNote(
                        id: "n-demo-\(seed)-\(index)r", kind: .reflection, sessionId: session.id, tags: [],
                        text: Words(
                            text.reflections[(seed + index) % text.reflections.count], author: .citizen,
                            by: participant.name, at: started.addingTimeInterval(48 * 60))))
            }
            if moment.kind.conversationNumber != nil {
                participant.ratings.append(
                    Rating(
                        day: moment.day, sessionId: session.id, scores: scores, coachBelief: belief,
                        stamp: Stamp(by: coach, at: started.addingTimeInterval(30 * 60))))
                // Most lines go up a little between rounds; one in three goes down or stays.
                for (offset, id) in indicators.enumerated() {
                    let step = [1, 2, -1, 0, 1, 2][(offset + seed + index) % 6]
                    scores[id] = min(10, max(1, (scores[id] ?? 5) + step))
                }
                belief = min(10, belief + 1)
            }
        }
        let weeks: [(Int, Milestone.Kind)] = [(3, .cvReady), (6, .firstCompanyVisit), (12, .jobInterview)]
        for (week, kind) in weeks {
            let day = participant.courseStart.adding(days: week * 7 + seed % 5)
            if day < today && day <= lastHeld { participant.milestones.append(Milestone(kind: kind, text: "", day: day)) }
        }
    }

    /// Attendance at the sessions of `offer` that have passed: most came, now and then
    /// someone was absent or excused.
    static func attend(_ offer: inout Offer, today: Day) {
        for (index, session) in offer.sessions.enumerated() where session.day < today {
            for (place, seat) in offer.booked.enumerated() {
                let status: Attendance.Status = (index + place) % 7 == 3 ? .absent : (index + place) % 11 == 5 ? .excused : .attended
                offer.mark(seat.participantId, at: session, as: status)
            }
        }
    }
}

extension Day {
    /// The moment `hour`:00 UTC on this day (the demo's clock times).
    func atHour(_ hour: Int) -> Date { Date(timeIntervalSince1970: Double(ordinal) * 86_400 + Double(hour) * 3_600) }
}
