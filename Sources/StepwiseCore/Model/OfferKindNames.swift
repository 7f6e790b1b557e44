import Foundation

extension OfferKind {
    /// The built-in kinds by the names people type for them: each kind's name in every
    /// string table (`offer.kind.<kind>`: "Workshop", "Virksomhedsbesøg", "Praktikum /
    /// Arbeitserprobung", and each side of a `/` alone) and the kind's own code, all as
    /// `spellingKey` makes them.
    public static func spellings(_ tables: [Localizer]) -> [String: String] {
        var names: [String: String] = [:]
        for kind in builtIn {
            names[spellingKey(kind)] = kind
            for table in tables {
                let name = table("offer.kind.\(kind)")
                for spelling in [Substring(name)] + name.split(separator: "/") { names[spellingKey(String(spelling))] = kind }
            }
        }
        return names
    }

    /// The spellings from every string table under `resources` (none when it cannot be read).
    public static func spellings(resources: URL?) -> [String: String] {
        guard let resources else { return spellings([]) }
        return spellings(Localizer.available(resources: resources).compactMap { try? Localizer.load(language: $0, resources: resources) })
    }

    /// The spellings of the installed string tables, read once.
    public static let installedSpellings = spellings(resources: ResourceLocator.directory())

    /// The built-in kind `typed` names (any case, spaces, hyphens and dots aside), else nil.
    public static func builtIn(named typed: String, in spellings: [String: String]) -> String? {
        spellings[spellingKey(typed)]
    }

    /// Lower case, letters and digits only: "Peer-støttegruppe" and "peer støttegruppe" meet.
    static func spellingKey(_ text: String) -> String {
        text.lowercased().filter { $0.isLetter || $0.isNumber }
    }
}
