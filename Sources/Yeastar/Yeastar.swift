public import ErrorCatalog

public enum Yeastar { public typealias Error = ClassifiedError<Code> }
