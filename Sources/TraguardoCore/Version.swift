public enum Traguardo { public static let version = "0.1.0" }
