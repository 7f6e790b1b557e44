import Foundation

/// The participant's dates as an iCalendar file (RFC 5545) for their phone or mail program:
/// the sessions of the offers they hold a seat in, their open mandatory conversations (as
/// all-day events), and the appointment agreed at the last session.
///
/// Every event has a UID made from what it is, not from when the file was made, so that
/// importing a newer file updates the events instead of adding them twice:
/// `<offerId>-<YYYYMMDD>-<HHMM>@stepwise`, `<participantId>-conversation-<n>@stepwise` and
/// `<participantId>-<sessionId>-next@stepwise`. Times are local times in `timeZone`, which the
/// file describes in a VTIMEZONE.
public struct CalendarExport: Sendable {
    public let participant: Participant
    public let offers: [Offer]
    /// The strings of the citizen's language (see `Summary.localizer`).
    public let strings: Localizer
    public let timeZone: TimeZone
    /// The moment the file is made (DTSTAMP).
    public let now: Date
    public let today: Day

    /// One event, before it is written.
    public struct Event: Equatable, Sendable {
        public var uid: String
        public var summary: String
        public var day: Day
        /// `HH:MM` for a timed event; nil for an all-day event.
        public var start: String?
        /// `HH:MM`; with a start but no end the event lasts an hour.
        public var end: String?
        public var location: String
        public var description: String
    }

    public init(participant: Participant, offers: [Offer], strings: Localizer, timeZone: TimeZone = CalendarExport.defaultTimeZone(),
                now: Date, today: Day) {
        self.participant = participant
        self.offers = offers
        self.strings = strings
        self.timeZone = timeZone
        self.now = now
        self.today = today
    }

    /// `$STEPWISE_TIMEZONE` when it names a zone; else the system's zone, unless that is UTC
    /// (as on a server or container with no zone set), where offers' local times would be
    /// shifted: then Europe/Copenhagen.
    public static func defaultTimeZone(environment: [String: String] = ProcessInfo.processInfo.environment,
                                       current: TimeZone = .current) -> TimeZone {
        if let name = environment["STEPWISE_TIMEZONE"], !name.isEmpty, let zone = TimeZone(identifier: name) { return zone }
        let utcNames: Set<String> = ["UTC", "GMT", "Etc/UTC", "Etc/GMT", "Etc/Universal", "Universal", "Zulu", "Etc/Zulu", "GMT+0", "GMT-0"]
        if utcNames.contains(current.identifier) || current.identifier.isEmpty {
            return TimeZone(identifier: "Europe/Copenhagen") ?? current
        }
        return current
    }

    /// The events, in date order.
    public var events: [Event] {
        let s = strings
        var events: [Event] = []
        for offer in offers where offer.status == .open && offer.booked.contains(where: { $0.participantId == participant.id }) {
            let leaders = offer.facilitators.map(\.name).filter { !$0.isEmpty }
            var description = offer.description
            if !leaders.isEmpty { description += (description.isEmpty ? "" : "\n") + s("summary.with", ["names": leaders.joined(separator: ", ")]) }
            let place = offer.place.lowercased() == "online" ? s("summary.online") : offer.place
            for session in offer.sessions {
                let start = ICalendar.time(session.start)
                let uid = "\(offer.id)-\(ICalendar.date(session.day))-\(start.map { String(format: "%02d%02d", $0.hour, $0.minute) } ?? "day")@stepwise"
                events.append(Event(uid: uid, summary: offer.title, day: session.day, start: start == nil ? nil : session.start,
                                    end: session.end, location: place, description: description))
            }
        }
        for conversation in participant.conversations where conversation.isOpen {
            events.append(Event(uid: "\(participant.id)-conversation-\(conversation.number)@stepwise",
                                summary: s("summary.conversation", ["n": String(conversation.number)]),
                                day: conversation.planned, start: nil, end: nil, location: "", description: s("calendar.conversationNote")))
        }
        if let session = participant.sessions.last(where: { !$0.isOpen }), let next = session.next, next.day >= today {
            let time = next.time.flatMap { ICalendar.time($0) == nil ? nil : $0 }
            events.append(Event(uid: "\(participant.id)-\(session.id)-next@stepwise", summary: s("summary.meeting"), day: next.day,
                                start: time, end: nil, location: next.place, description: next.contact))
        }
        return events.sorted { ($0.day, $0.start ?? "", $0.uid) < ($1.day, $1.start ?? "", $1.uid) }
    }

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
            lines += ["BEGIN:VEVENT", "UID:" + event.uid, "DTSTAMP:" + stamp]
            if let start = event.start.flatMap(ICalendar.time) {
                lines.append("DTSTART;TZID=\(timeZone.identifier):" + ICalendar.date(event.day) + "T" + ICalendar.clock(start))
                let end = event.end.flatMap(ICalendar.time).flatMap { $0.hour * 60 + $0.minute > start.hour * 60 + start.minute ? $0 : nil }
                if let end {
                    lines.append("DTEND;TZID=\(timeZone.identifier):" + ICalendar.date(event.day) + "T" + ICalendar.clock(end))
                } else {
                    lines.append("DURATION:PT1H")
                }
            } else {
                lines.append("DTSTART;VALUE=DATE:" + ICalendar.date(event.day))
                lines.append("DTEND;VALUE=DATE:" + ICalendar.date(event.day.adding(days: 1)))
                lines.append("TRANSP:TRANSPARENT")
            }
            lines.append("SUMMARY:" + ICalendar.escape(event.summary))
            if !event.location.isEmpty { lines.append("LOCATION:" + ICalendar.escape(event.location)) }
            if !event.description.isEmpty { lines.append("DESCRIPTION:" + ICalendar.escape(event.description)) }
            lines += ["STATUS:CONFIRMED", "END:VEVENT"]
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
                limit = 74 // the leading space counts
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
              parts[1].count == 2 else { return nil }
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
            lines += ["BEGIN:" + kind, "DTSTART:" + date(day) + String(format: "T%02d%02d%02d", rest / 3600, rest % 3600 / 60, rest % 60),
                      "TZOFFSETFROM:" + offsetText(before), "TZOFFSETTO:" + offsetText(after)]
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
