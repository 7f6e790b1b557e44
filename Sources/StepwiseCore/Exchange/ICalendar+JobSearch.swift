import Foundation

/// The job search and follow-along support in the participant's calendar file: each job
/// interview (UID `<participantId>-interview-<interviewId>@stepwise`; cancelled when its
/// application was withdrawn before the day) and the next follow-along contact as an all-day
/// event (UID `<participantId>-followalong-<n>@stepwise`, `n` counting contacts from 1, so
/// that a held contact's event is replaced by the next one's).
extension CalendarExport {
    var jobSearchEvents: [Event] {
        let s = strings
        var events: [Event] = []
        for application in participant.jobSearch.applications {
            let withdrawn = application.history.last { $0.status == .withdrawn }?.day
            let title = [application.employer, application.jobTitle].filter { !$0.isEmpty }.joined(separator: " – ")
            for interview in application.interviews {
                let cancelled = withdrawn.map { $0 < interview.day } ?? false
                events.append(
                    Event(
                        uid: "\(participant.id)-interview-\(interview.id)@stepwise",
                        summary: s("calendar.interview", ["employer": application.employer]), day: interview.day,
                        start: interview.time.flatMap { ICalendar.time($0) == nil ? nil : $0 }, end: nil, location: interview.place,
                        description: title, status: cancelled ? .cancelled : .confirmed,
                        modified: application.history.last?.stamp.at))
            }
        }
        if let support = participant.followAlong, let due = support.nextDue {
            events.append(
                Event(
                    uid: "\(participant.id)-followalong-\(support.contacts.count + 1)@stepwise",
                    summary: s("calendar.followAlong"), day: due, start: nil, end: nil, location: "",
                    description: support.rhythm(strings: s), modified: support.contacts.last?.said.at ?? support.written.at))
        }
        return events
    }
}
