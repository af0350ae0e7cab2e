import Foundation

/// Blind mutations of bytes, as a damaged download or a careless edit would make them.
enum ByteMutations {
    static func mutate(_ data: Data, splice other: Data, using rng: inout FuzzRandom) -> (Data, String) {
        var bytes = [UInt8](data)
        guard !bytes.isEmpty else { return (Data([UInt8.random(in: 0...255, using: &rng)]), "byte casuale") }
        let at = Int.random(in: 0..<bytes.count, using: &rng)
        switch Int.random(in: 0..<8, using: &rng) {
        case 0:
            bytes[at] ^= 1 << UInt8.random(in: 0..<8, using: &rng)
            return (Data(bytes), "bit invertito a \(at)")
        case 1:
            bytes[at] = [0x00, 0xFF, 0x22, 0x5C, 0x7B, 0x5D, 0x3C, 0x26, 0x0A].randomElement(using: &rng)!
            return (Data(bytes), "byte speciale a \(at)")
        case 2:
            let count = Int.random(in: 1...64, using: &rng)
            bytes.insert(contentsOf: (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }, at: at)
            return (Data(bytes), "\(count) byte inseriti a \(at)")
        case 3:
            let end = min(bytes.count, at + Int.random(in: 1...512, using: &rng))
            bytes.removeSubrange(at..<end)
            return (Data(bytes), "byte \(at)..<\(end) tolti")
        case 4:
            let end = min(bytes.count, at + Int.random(in: 1...256, using: &rng))
            bytes.insert(contentsOf: bytes[at..<end], at: end)
            return (Data(bytes), "byte \(at)..<\(end) ripetuti")
        case 5:
            return (Data(bytes.prefix(at)), "troncato a \(at)")
        case 6:
            let source = [UInt8](other)
            guard !source.isEmpty else { return (Data(bytes), "nessuna modifica") }
            let from = Int.random(in: 0..<source.count, using: &rng)
            let piece = source[from..<min(source.count, from + Int.random(in: 1...1024, using: &rng))]
            bytes.replaceSubrange(at..<min(bytes.count, at + piece.count), with: piece)
            return (Data(bytes), "innesto da un altro file a \(at)")
        default:
            for _ in 0..<Int.random(in: 2...16, using: &rng) {
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
            return (Data(bytes), "byte sparsi cambiati")
        }
    }
}
