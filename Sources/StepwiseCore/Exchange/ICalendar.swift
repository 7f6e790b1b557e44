import Foundation

/// The participant's dates as an iCalendar file (RFC 5545) for their phone or mail program:
/// the sessions of the offers they hold a seat in, the follow-up meetings of their own internship
/// placements,
/// their open mandatory conversations (as all-day events), and the appointment agreed at the
/// last session.
///
/// Importing a newer file updates the events instead of adding them twice, because every event
/// has a UID that names the thing, never its time (`CalendarIdentity`):
/// `<offerId>-<sessionId>@stepwise`, `<participantId>-<offerId>-followup-<id>@stepwise`,
/// `<participantId>-conversation-<n>@stepwise` and `<participantId>-<sessionId>-next@stepwise`;
/// SEQUENCE and LAST-MODIFIED go up when the event changes. Something that no longer happens
/// (a cancelled offer, a seat given up, a session taken out, a conversation held before its
/// day, an appointment replaced by an earlier meeting) stays in the file as
/// `STATUS:CANCELLED` with the same UID for `CalendarIdentity.cancelledRetentionDays` after it
/// was cancelled. Times are local times in `timeZone`, which the file describes in a VTIMEZONE.
/// With `reminder`, each event that still happens has a VALARM: a day before a timed event,
/// at 18:00 the evening before an all-day one.
public struct CalendarExport: Sendable {
    public let participant: Participant
    public let offers: [Offer]
    /// The strings of the citizen's language (see `Summary.localizer`).
    public let strings: Localizer
    public let timeZone: TimeZone
    /// The moment the file is made (DTSTAMP).
    public let now: Date
    public let today: Day
    /// Whether events carry a reminder (VALARM) the day before.
    public let reminder: Bool

    /// One event, before it is written.
    public struct Event: Equatable, Sendable {
        /// CONFIRMED or CANCELLED (RFC 5545 3.8.1.11).
        public enum Status: String, Sendable {
            case confirmed = "CONFIRMED"
            case cancelled = "CANCELLED"
        }

        public var uid: String
        public var summary: String
        public var day: Day
        /// `HH:MM` for a timed event; nil for an all-day event.
        public var start: String?
        /// `HH:MM`; with a start but no end the event lasts an hour.
        public var end: String?
        public var location: String
        public var description: String
        public var status: Status = .confirmed
        /// SEQUENCE: goes up with every change of the thing the event stands for.
        public var sequence: Int = 0
        /// LAST-MODIFIED, when known.
        public var modified: Date? = nil
    }

    public init(
        participant: Participant, offers: [Offer], strings: Localizer, timeZone: TimeZone = CalendarExport.defaultTimeZone(),
        now: Date, today: Day, reminder: Bool = CalendarExport.defaultReminder()
    ) {
        self.participant = participant
        self.offers = offers
        self.strings = strings
        self.timeZone = timeZone
        self.now = now
        self.today = today
        self.reminder = reminder
    }

    /// `$STEPWISE_TIMEZONE` when it names a zone; else the system's zone, unless that is UTC
    /// (as on a server or container with no zone set), where offers' local times would be
    /// shifted: then Europe/Copenhagen.
    public static func defaultTimeZone(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        current: TimeZone = .current
    ) -> TimeZone {
        if let name = environment["STEPWISE_TIMEZONE"], !name.isEmpty, let zone = TimeZone(identifier: name) { return zone }
        let utcNames: Set<String> = [
            "UTC", "GMT", "Etc/UTC", "Etc/GMT", "Etc/Universal", "Universal", "Zulu", "Etc/Zulu", "GMT+0", "GMT-0",
        ]
        if utcNames.contains(current.identifier) || current.identifier.isEmpty {
            return TimeZone(identifier: "Europe/Copenhagen") ?? current
        }
        return current
    }

    /// Reminders are on unless `$STEPWISE_CALENDAR_REMINDER` is `off` (or `no`, `0`, `false`).
    public static func defaultReminder(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        !["off", "no", "0", "false"].contains(environment["STEPWISE_CALENDAR_REMINDER"]?.lowercased() ?? "")
    }

    /// Where the participant stands in an offer, for its events: whether they still happen for
    /// them, how many times their booking changed (added to each event's SEQUENCE), and when it
    /// last changed. Nil when the offer has no events for them (never booked, or only waiting).
    func standing(in offer: Offer) -> (status: Event.Status, changes: Int, changed: Date?)? {
        let entries = participant.journal.filter { $0.offerId == offer.id }
        let holdsSeat = offer.booked.contains { $0.participantId == participant.id }
        let changed = entries.last?.stamp.at
        if holdsSeat { return (offer.status == .open ? .confirmed : .cancelled, entries.count, changed) }
        guard entries.contains(where: { $0.kind == .booked || $0.kind == .promoted }) else { return nil }
        return (.cancelled, entries.count, changed)
    }

    /// The events, in date order.
    public var events: [Event] {
        let s = strings
        var events: [Event] = []
        func keep(_ event: Event) {
            guard event.status == .confirmed || CalendarIdentity.isRecent(event.modified ?? moment(event.day), now: now) else { return }
            events.append(event)
        }
        for offer in offers {
            guard let standing = standing(in: offer) else { continue }
            let leaders = offer.facilitators.map(\.name).filter { !$0.isEmpty }
            var description = offer.description
            if !leaders.isEmpty {
                description += (description.isEmpty ? "" : "\n") + s("summary.with", ["names": leaders.joined(separator: ", ")])
            }
            let place = offer.place.lowercased() == "online" ? s("summary.online") : offer.place
            let sessions = offer.sessions.map { ($0, standing.status) } + offer.cancelledSessions.map { ($0, Event.Status.cancelled) }
            for (session, status) in sessions {
                let start = ICalendar.time(session.start) == nil ? nil : session.start
                keep(
                    Event(
                        uid: "\(offer.id)-\(session.id)@stepwise", summary: offer.title, day: session.day, start: start,
                        end: session.end, location: place, description: description, status: status,
                        sequence: session.sequence + standing.changes, modified: latest(session.modified, standing.changed)))
            }
            // The participant's own follow-up meetings; never anyone else's.
            for meeting in participant.placements[offer.id]?.followUps ?? [] where meeting.withParticipant {
                let start = meeting.time.flatMap { ICalendar.time($0) == nil ? nil : $0 }
                keep(
                    Event(
                        uid: "\(participant.id)-\(offer.id)-followup-\(meeting.id)@stepwise",
                        summary: s("calendar.followUp", ["title": offer.title]), day: meeting.day, start: start, end: nil,
                        location: offer.internship?.employer ?? "", description: meeting.others,
                        status: meeting.status == .cancelled ? .cancelled : standing.status,
                        sequence: meeting.sequence + standing.changes, modified: latest(meeting.modified, standing.changed)))
            }
        }
        for conversation in participant.conversations {
            let event = Event(
                uid: "\(participant.id)-conversation-\(conversation.number)@stepwise",
                summary: s("summary.conversation", ["n": String(conversation.number)]),
                day: conversation.planned, start: nil, end: nil, location: "", description: s("calendar.conversationNote"),
                sequence: conversation.sequence, modified: conversation.modified)
            if conversation.isOpen {
                keep(event)
            } else if let changed = conversation.statusChanged, changed < conversation.planned {
                // Held (or missed) before the day it was planned for: that day is free again.
                var cancelled = event
                cancelled.status = .cancelled
                keep(cancelled)
            }
        }
        let ended = participant.sessions.filter { !$0.isOpen }
        for (index, session) in ended.enumerated() {
            guard let next = session.next else { continue }
            let time = next.time.flatMap { ICalendar.time($0) == nil ? nil : $0 }
            var event = Event(
                uid: "\(participant.id)-\(session.id)-next@stepwise", summary: s("summary.meeting"), day: next.day,
                start: time, end: nil, location: next.place, description: next.contact,
                sequence: next.sequence, modified: next.modified)
            if index == ended.count - 1 {
                if next.day >= today { keep(event) }
            } else if let following = ended[(index + 1)...].first(where: { Day($0.started.at, timeZone: timeZone) < next.day }) {
                // A later session took place before the agreed day: the appointment was replaced.
                event.status = .cancelled
                event.sequence += 1
                event.modified = following.started.at
                keep(event)
            }
        }
        jobSearchEvents.forEach(keep)
        return events.sorted { ($0.day, $0.start ?? "", $0.uid) < ($1.day, $1.start ?? "", $1.uid) }
    }

    /// Midnight UTC of `day`, for cancelled events whose cancellation time is not known.
    private func moment(_ day: Day) -> Date { Date(timeIntervalSince1970: Double(day.ordinal) * 86_400) }

    private func latest(_ a: Date?, _ b: Date?) -> Date? { [a, b].compactMap { $0 }.max() }

    /// The iCalendar file: CRLF line ends, lines folded at 75 octets.
    public func ics() -> String {
        let all = events
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Stepwise//Stepwise plan//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + ICalendar.escape(strings("calendar.name")),
            "X-WR-TIMEZONE:" + timeZone.identifier,
        ]
        let timed = all.filter { $0.start != nil }.map(\.day)
        if let first = timed.min(), let last = timed.max() {
            lines += ICalendar.timeZoneComponent(timeZone, from: first, to: last)
        }
        let stamp = ICalendar.utc(now)
        for event in all {
            lines += ["BEGIN:VEVENT", "UID:" + event.uid, "DTSTAMP:" + stamp, "SEQUENCE:" + String(event.sequence)]
            if let modified = event.modified { lines.append("LAST-MODIFIED:" + ICalendar.utc(modified)) }
            if let start = event.start.flatMap(ICalendar.time) {
                lines.append("DTSTART;TZID=\(timeZone.identifier):" + ICalendar.date(event.day) + "T" + ICalendar.clock(start))
                let end = event.end.flatMap(ICalendar.time).flatMap { $0.hour * 60 + $0.minute > start.hour * 60 + start.minute ? $0 : nil }
                let onTheClock = [event.start, end == nil ? nil : event.end].compactMap { $0 }
                    .allSatisfy { LocalTime.check(day: event.day, time: $0, in: timeZone) == .exists }
                if let end, onTheClock {
                    lines.append("DTEND;TZID=\(timeZone.identifier):" + ICalendar.date(event.day) + "T" + ICalendar.clock(end))
                } else {
                    // No end, or a time the clock skips or repeats (stored before such times were
                    // refused): the length as meant, never a zero-length event.
                    let minutes = end.map { ($0.hour - start.hour) * 60 + $0.minute - start.minute } ?? 60
                    lines.append("DURATION:PT\(minutes)M")
                }
            } else {
                lines.append("DTSTART;VALUE=DATE:" + ICalendar.date(event.day))
                lines.append("DTEND;VALUE=DATE:" + ICalendar.date(event.day.adding(days: 1)))
                lines.append("TRANSP:TRANSPARENT")
            }
            lines.append("SUMMARY:" + ICalendar.escape(event.summary))
            if !event.location.isEmpty { lines.append("LOCATION:" + ICalendar.escape(event.location)) }
            if !event.description.isEmpty { lines.append("DESCRIPTION:" + ICalendar.escape(event.description)) }
            lines.append("STATUS:" + event.status.rawValue)
            if reminder && event.status == .confirmed {
                // A day before a timed event; 18:00 the evening before an all-day one.
                lines += [
                    "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + ICalendar.escape(event.summary),
                    "TRIGGER:" + (event.start == nil ? "-PT6H" : "-P1D"), "END:VALARM",
                ]
            }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(ICalendar.fold).joined(separator: "\r\n") + "\r\n"
    }
}

/// The pieces of RFC 5545 text: escaping, folding, dates and the time-zone component.
public enum ICalendar {
    /// TEXT escaped: backslash, semicolon, comma and line breaks; other control characters
    /// (not allowed in a content line) become spaces.
    public static func escape(_ text: String) -> String {
        var out = ""
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        for scalar in normalized.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A content line folded so that no line is longer than 75 octets: a break (CRLF and a
    /// space) goes before a character, never inside a UTF-8 sequence or a character.
    public static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var out = ""
        var used = 0
        var limit = 75
        for character in line {
            let size = String(character).utf8.count
            if used + size > limit && used > 0 {
                out += "\r\n "
                used = 0
                limit = 74  // the leading space counts
            }
            if size > limit {
                // A single character longer than a line (a long emoji sequence): fold between
                // its scalars, still never inside one.
                for scalar in String(character).unicodeScalars {
                    let length = String(scalar).utf8.count
                    if used + length > limit {
                        out += "\r\n "
                        used = 0
                        limit = 74
                    }
                    out.unicodeScalars.append(scalar)
                    used += length
                }
                continue
            }
            out.append(character)
            used += size
        }
        return out
    }

    /// `YYYYMMDD`.
    public static func date(_ day: Day) -> String {
        let c = day.components
        return String(format: "%04d%02d%02d", c.year, c.month, c.day)
    }

    /// `HHMMSS`.
    static func clock(_ time: (hour: Int, minute: Int)) -> String { String(format: "%02d%02d00", time.hour, time.minute) }

    /// `HH:MM` (or `H.MM`) read as hour and minute; nil when it is not a time of day.
    public static func time(_ text: String) -> (hour: Int, minute: Int)? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(whereSeparator: { $0 == ":" || $0 == "." })
        guard parts.count == 2, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let hour = Int(parts[0]), let minute = Int(parts[1]), (0...23).contains(hour), (0...59).contains(minute),
            parts[1].count == 2
        else { return nil }
        return (hour, minute)
    }

    /// A moment in UTC: `YYYYMMDDTHHMMSSZ`.
    public static func utc(_ date: Date) -> String {
        let seconds = Int(floor(date.timeIntervalSince1970))
        let day = Day(ordinal: Int((Double(seconds) / 86_400).rounded(.down)))
        let rest = seconds - day.ordinal * 86_400
        return ICalendar.date(day) + String(format: "T%02d%02d%02dZ", rest / 3600, rest % 3600 / 60, rest % 60)
    }

    /// A VTIMEZONE for `zone` that covers the years from `first` to `last`: one STANDARD or
    /// DAYLIGHT part for each change of offset, as the system's zone data has them.
    public static func timeZoneComponent(_ zone: TimeZone, from first: Day, to last: Day) -> [String] {
        let startYear = first.components.year - 1
        let endYear = last.components.year + 1
        let begin = Date(timeIntervalSince1970: Double(Day(year: startYear, month: 1, day: 1)?.ordinal ?? first.ordinal) * 86_400)
        let finish = Date(timeIntervalSince1970: Double(Day(year: endYear, month: 12, day: 31)?.ordinal ?? last.ordinal) * 86_400)
        var lines = ["BEGIN:VTIMEZONE", "TZID:" + zone.identifier]
        var moment = begin
        var transitions: [Date] = []
        while let next = zone.nextDaylightSavingTimeTransition(after: moment), next < finish, transitions.count < 200 {
            transitions.append(next)
            moment = next
        }
        if transitions.isEmpty {
            let offset = offsetText(zone.secondsFromGMT(for: begin))
            lines += ["BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:" + offset, "TZOFFSETTO:" + offset]
            if let name = zone.abbreviation(for: begin) { lines.append("TZNAME:" + escape(name)) }
            lines.append("END:STANDARD")
        }
        for transition in transitions {
            let before = zone.secondsFromGMT(for: transition.addingTimeInterval(-1))
            let after = zone.secondsFromGMT(for: transition)
            let kind = zone.isDaylightSavingTime(for: transition) ? "DAYLIGHT" : "STANDARD"
            // DTSTART is the local time just before the change, in the old offset.
            let local = Int(transition.timeIntervalSince1970) + before
            let day = Day(ordinal: Int((Double(local) / 86_400).rounded(.down)))
            let rest = local - day.ordinal * 86_400
            lines += [
                "BEGIN:" + kind, "DTSTART:" + date(day) + String(format: "T%02d%02d%02d", rest / 3600, rest % 3600 / 60, rest % 60),
                "TZOFFSETFROM:" + offsetText(before), "TZOFFSETTO:" + offsetText(after),
            ]
            if let name = zone.abbreviation(for: transition) { lines.append("TZNAME:" + escape(name)) }
            lines.append("END:" + kind)
        }
        lines.append("END:VTIMEZONE")
        return lines
    }

    /// `+0100`, `-0330`.
    static func offsetText(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return sign + String(format: "%02d%02d", minutes / 60, minutes % 60)
    }
}
