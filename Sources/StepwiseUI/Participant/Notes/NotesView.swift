import Foundation
import StepwiseCore

/// The notes tab: the session running now, the notes (newest first, filtered), and the
/// sessions held with their agreements and next appointments.
enum NotesView {
    /// The notes the filter lets through, newest first.
    static func visible(_ p: Participant, filter: NoteFilter, env: UIEnvironment) -> [ProgressNote] {
        p.notes.reversed().filter { note in
            switch filter {
            case .all: return true
            case .tag(let tag): return note.tags.contains { NoteTags.canonical($0, env: env) == tag }
            case .session(let id): return note.sessionId == id
            }
        }
    }

    /// The next filter: all → each tag in use → each session with notes (newest first) → all.
    static func nextFilter(after filter: NoteFilter, in p: Participant, env: UIEnvironment) -> NoteFilter {
        let tags = NoteTags.inUse(p, env: env)
        let sessions = p.sessions.reversed().map(\.id).filter { id in p.notes.contains { $0.sessionId == id } }
        let all: [NoteFilter] = [.all] + tags.map(NoteFilter.tag) + sessions.map(NoteFilter.session)
        let index = all.firstIndex(of: filter) ?? 0
        return all[(index + 1) % all.count]
    }

    /// The sessions as the tab lists them after the notes, newest first: ↓ past the last note
    /// selects them, so that every session's agreements and next appointment can be reached.
    static func sessions(_ p: Participant) -> [CoachingSession] { p.sessions.reversed() }

    /// What the tab's lines depend on: the participant screen's inputs, the filter, and the
    /// note whose earlier versions are shown.
    struct Inputs: Equatable, Sendable {
        var view: ViewInputs
        var filter: NoteFilter
        var expanded: String?

        init(_ open: OpenParticipant, state: AppState, env: UIEnvironment) {
            view = ViewInputs(open, state: state, env: env)
            filter = open.noteFilter
            expanded = open.expandedNote
        }
    }

    /// The notes the filter lets through, newest first, with the lines of those around the
    /// selection laid out: a record may hold a megabyte of notes, and a key lays out only a
    /// note that comes into view.
    struct Layout: Sendable {
        let visible: [ProgressNote]
        /// The width the lines are wrapped to.
        let width: Int
        /// The lines of each laid-out note, by its index in `visible`.
        var laidOut: [Int: [StyledLine]] = [:]
        /// The lines of each session (`sessions`), once the notes shown reach them.
        var sessions: [[StyledLine]]?
        /// The tab's lines for the notes in `window` (`entries`), as last drawn.
        var drawn: (window: Range<Int>, entries: SelectableLines<Int>)?
    }

    /// The notes (indices into the visible ones) laid out for a selection on a screen
    /// `height` rows high: a screen shows a handful, every note taking at least two lines.
    static func window(selection: Int, count: Int, height: Int) -> Range<Int> {
        max(0, selection - height)..<min(count, max(0, selection + height))
    }

    /// The tab's layout as the screen shows it now: the one kept (`ParticipantMemo`), else
    /// the visible notes. With `laying`, the notes in the window and, when it reaches them,
    /// the sessions are laid out too (kept lines are reused, those out of the window let go),
    /// and the tab's lines made of them.
    static func layout(_ open: OpenParticipant, state: AppState, env: UIEnvironment, laying: Bool) -> Layout {
        let inputs = Inputs(open, state: state, env: env)
        let p = open.participant
        var layout = open.memo.notes.value(for: inputs) ?? Layout(visible: visible(p, filter: open.noteFilter, env: env), width: inputs.view.width)
        guard laying else { return layout }
        let window = window(selection: open.noteSelection, count: layout.visible.count, height: state.height)
        var laidOut: [Int: [StyledLine]] = [:]
        for index in window {
            let note = layout.visible[index]
            laidOut[index] =
                layout.laidOut[index] ?? noteLines(note, p, expanded: inputs.expanded == note.id, env: env, width: inputs.view.width)
        }
        layout.laidOut = laidOut
        if window.upperBound == layout.visible.count, layout.sessions == nil {
            layout.sessions = sessions(p).map { sessionLines($0, env: env, width: inputs.view.width) }
        }
        if layout.drawn?.window != window { layout.drawn = (window, entries(layout, window: window, open, env: env)) }
        return layout
    }

    static func render(_ open: OpenParticipant, state: AppState, env: UIEnvironment, into buffer: inout ScreenBuffer) {
        let s = env.strings
        let p = open.participant
        let width = buffer.width - 2
        // The filter and the writer share the first row; the filter gives way (with "…").
        let writerWidth =
            DisplayWidth.of(s("plan.writing")) + Author.allCases.map { DisplayWidth.of(s("author.\($0.rawValue)")) + 2 }.reduce(2, +)
        let writerX = max(0, buffer.width - writerWidth - 1)
        // The filter gives way to the writer line: first its label and key hint, so that which
        // notes are shown stays readable ("alle Notizen" rather than "Angezeigt: alle Not…");
        // a filter that does not fit even so ("Notizen mit dem Schlagwort …") has a row of its own.
        let room = max(0, writerX - 2)
        let shown = describe(open.noteFilter, p, env: env)
        let full = StyledLine([(s("notes.filter") + " ", .muted), (shown, .bold), ("  (f)", .muted)])
        let ownRow = DisplayWidth.of(shown) > room
        if ownRow {
            full.draw(into: &buffer, x: 1, y: ParticipantView.top + 1, width: width)
        } else {
            (DisplayWidth.of(full.segments.map(\.text).joined()) <= room ? full : StyledLine(shown, .bold)).draw(
                into: &buffer, x: 1, y: ParticipantView.top, width: room)
        }
        WriterLine.draw(open.writer, env: env, x: writerX, y: ParticipantView.top, into: &buffer)
        let layout = layout(open, state: state, env: env, laying: false)
        let window = window(selection: open.noteSelection, count: layout.visible.count, height: buffer.height)
        let entries = layout.drawn.flatMap { $0.window == window ? $0.entries : nil } ?? entries(layout, window: window, open, env: env)
        let selected = min(open.noteSelection, max(0, layout.visible.count + p.sessions.count - 1))
        // The marks count notes and sessions, those not laid out included.
        let unlaid = layout.visible.count - window.upperBound + (window.upperBound == layout.visible.count ? 0 : p.sessions.count)
        ListDrawing.draw(
            entries.lines, selected: entries.rows.firstIndex(of: selected).flatMap(entries.span), top: ParticipantView.top + (ownRow ? 2 : 1),
            bottom: buffer.height - 2, strings: env.strings,
            entries: ListEntries(key: "notes.scroll", starts: entries.spans.map(\.lowerBound), beyond: (window.lowerBound, unlaid)), into: &buffer)
    }

    /// The tab's lines below the filter for the notes in `window` (with the marks of those
    /// before and after it), then the sessions, each line tagged with its entry: the note's
    /// index among the visible ones, or the notes' count plus the session's index.
    private static func entries(_ layout: Layout, window: Range<Int>, _ open: OpenParticipant, env: UIEnvironment) -> SelectableLines<Int> {
        let s = env.strings
        let p = open.participant
        let notes = layout.visible
        let width = layout.width
        var lines: [(line: StyledLine, row: Int?)] = []
        if notes.isEmpty { lines.append((StyledLine("  " + s("notes.none"), .muted), nil)) }
        if window.lowerBound > 0 {
            lines.append((StyledLine("  " + s("notes.more", count: window.lowerBound), .muted), nil))
        }
        for index in window {
            let laidOut =
                layout.laidOut[index] ?? noteLines(notes[index], p, expanded: open.expandedNote == notes[index].id, env: env, width: width)
            lines += laidOut.map { ($0, index) }
        }
        if window.upperBound < notes.count {
            lines.append((StyledLine("  " + s("notes.more", count: notes.count - window.upperBound), .muted), nil))
        }
        lines.append((.blank, nil))
        lines.append((StyledLine(s("notes.sessions"), .heading), nil))
        if p.sessions.isEmpty { lines.append((StyledLine("  " + s("notes.noSessions"), .muted), nil)) }
        if window.upperBound == notes.count {
            let laidOut = layout.sessions ?? sessions(p).map { sessionLines($0, env: env, width: width) }
            for (index, session) in laidOut.enumerated() {
                lines += session.map { ($0, notes.count + index) }
            }
        }
        return SelectableLines(lines)
    }

    private static func describe(_ filter: NoteFilter, _ p: Participant, env: UIEnvironment) -> String {
        switch filter {
        case .all: return env.strings("notes.filter.all")
        case .tag(let tag): return env.strings("notes.filter.tag", ["tag": NoteTags.name(tag, env: env)])
        case .session(let id):
            let session = p.sessions.first { $0.id == id }
            return env.strings("notes.filter.session", ["session": session.map { sessionTitle($0, env: env) } ?? id])
        }
    }

    static func sessionTitle(_ session: CoachingSession, env: UIEnvironment) -> String {
        env.strings("session.kind.\(session.kind.rawValue)") + ", " + env.strings.shortDate(Day(session.started.at, timeZone: env.timeZone))
    }

    /// "Sun 22 Nov 10:15 · Anna (coach) · Job search" ("Lena Groß (Citizen) via Anna" for the
    /// citizen's words typed by a coach) and the text, wrapped.
    private static func noteLines(_ note: ProgressNote, _ p: Participant, expanded: Bool, env: UIEnvironment, width: Int) -> [StyledLine] {
        let s = env.strings
        guard let current = note.current else { return [] }
        let written = current.by + " (" + s("author.\(current.author.rawValue)") + ")"
        var head =
            s.dayWithWeekday(Day(current.at, timeZone: env.timeZone)) + " " + TimeText.clock(current.at, in: env.timeZone) + " · "
            + (current.via.map { s("history.via", ["who": written, "coach": $0]) } ?? written)
        if note.kind == .reflection { head += " · " + s("note.kind.reflection") }
        if !note.tags.isEmpty { head += " · " + note.tags.map { NoteTags.name($0, env: env) }.joined(separator: ", ") }
        if note.versions.count > 1 { head += " · " + s("notes.edited", ["n": String(note.versions.count - 1)]) }
        var lines = StyledLine("  " + head, .muted).wrapped(width: width, indent: 4)
        lines += StyledLine([("    ", .plain)] + PlanLines.quoted(current, env: env)).wrapped(width: width, indent: 4)
        if expanded {
            for old in note.versions.dropLast().reversed() {
                let when =
                    s.shortDate(Day(old.at, timeZone: env.timeZone)) + " " + TimeText.clock(old.at, in: env.timeZone) + " · " + old.by
                lines += StyledLine([("    ↳ " + s("notes.earlier", ["when": when]) + ": ", .muted), (old.text, .plain)]).wrapped(
                    width: width, indent: 6)
            }
        }
        return lines
    }

    private static func sessionLines(_ session: CoachingSession, env: UIEnvironment, width: Int) -> [StyledLine] {
        let s = env.strings
        var time = TimeText.clock(session.started.at, in: env.timeZone)
        if let ended = session.ended { time += "–" + TimeText.clock(ended, in: env.timeZone) } else { time += " · " + s("session.running") }
        let present = session.present.map { presence -> String in
            let role = s("presence.\(presence.role.rawValue)")
            return presence.name.map { presence.role == .other ? $0 : role + " " + $0 } ?? role
        }.joined(separator: ", ")
        var lines = StyledLine([("  " + sessionTitle(session, env: env) + " " + time, .bold), (" · " + present, .plain)]).wrapped(
            width: width, indent: 4)
        if let agreements = session.agreements {
            lines += StyledLine([("    " + s("session.agreed") + " ", .muted)] + PlanLines.quoted(agreements, env: env)).wrapped(
                width: width, indent: 6)
        }
        if let next = session.next { lines += StyledLine("    " + appointment(next, env: env)).wrapped(width: width, indent: 6) }
        return lines
    }

    /// "Next: Thu 3 Dec 2026 10:00 · Jobhuset · I call Anna".
    static func appointment(_ next: Appointment, env: UIEnvironment) -> String {
        var parts = [env.strings.dayWithWeekday(next.day) + (next.time.map { " " + $0 } ?? "")]
        if !next.place.isEmpty { parts.append(next.place) }
        if !next.contact.isEmpty { parts.append(next.contact) }
        return env.strings("session.next") + " " + parts.joined(separator: " · ")
    }
}
