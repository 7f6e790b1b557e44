/// A value kept on the heap behind one pointer (8 bytes in its holder instead of the value's
/// own size), shared by copies and replaced, never changed in place, when set (an `indirect`
/// enum case: value semantics). For a large field that few records fill, such as an offer's
/// internship details (184 bytes). Encodes and decodes as the value itself.
enum Indirect<Value> {
    indirect case boxed(Value)

    init(_ value: Value) { self = .boxed(value) }

    var value: Value {
        switch self { case .boxed(let value): value }
    }
}

extension Indirect: Equatable where Value: Equatable {}
extension Indirect: Sendable where Value: Sendable {}

extension Indirect: Codable where Value: Codable {
    init(from decoder: Decoder) throws { self = .boxed(try Value(from: decoder)) }
    func encode(to encoder: Encoder) throws { try value.encode(to: encoder) }
}
