import Foundation
import StepwiseCore

/// A note's tags as people read and type them. A tag Stepwise offers
/// (`ProgressNote.standardTags`) is stored as its code and shown in the words of the screen's
/// language, capitalised as a name ("Job search", "Jobsøgning"), wherever a tag is shown (the
/// notes tab, its filter line, the note form; the text export reads the same `tag.*` words);
/// a tag a coach typed is stored and shown as typed.
enum NoteTags {
    /// The code of the offered tag that `tag` stands for: its code, or its name in any of
    /// `tables` (case and accents aside, `SearchText.fold`); nil for a tag of the coach's own.
    static func code(_ tag: String, tables: [Localizer]) -> String? {
        if ProgressNote.standardTags.contains(tag) { return tag }
        let folded = SearchText.fold(tag)
        return ProgressNote.standardTags.first { code in tables.contains { SearchText.fold($0("tag.\(code)")) == folded } }
    }

    /// `tag` as shown in `strings`'s language: an offered tag by its name there, a typed one as typed.
    static func name(_ tag: String, strings: Localizer, tables: [Localizer] = []) -> String {
        code(tag, tables: [strings] + tables).map { strings("tag.\($0)") } ?? tag
    }

    /// `tag` as the screens show it (`name`), offered tags recognised in every language loaded.
    static func name(_ tag: String, env: UIEnvironment) -> String {
        name(tag, strings: env.strings, tables: Array(env.tables.values))
    }

    /// The one spelling a tag is kept and compared by: an offered tag's code, else as typed.
    static func canonical(_ tag: String, env: UIEnvironment) -> String {
        code(tag, tables: [env.strings] + Array(env.tables.values)) ?? tag
    }

    /// The tags typed in a note form ("Health, my own, jobsøgning"): split at commas, trimmed,
    /// an offered tag stored as its code, others as typed, each once.
    static func stored(_ typed: String, env: UIEnvironment) -> [String] {
        var seen: Set<String> = []
        return typed.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .map { canonical($0, env: env) }
            .filter { seen.insert($0).inserted }
    }

    /// The tags in use on `p`'s notes, each once (an offered tag once whatever its spelling),
    /// in the order of their names on screen.
    static func inUse(_ p: Participant, env: UIEnvironment) -> [String] {
        let tags = Set(p.notes.flatMap(\.tags).map { canonical($0, env: env) })
        return tags.sorted { SearchText.fold(name($0, env: env)) < SearchText.fold(name($1, env: env)) }
    }
}
