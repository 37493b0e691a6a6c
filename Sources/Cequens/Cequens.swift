public import ErrorCatalog

public enum Cequens { public typealias Error = ClassifiedError<Code> }
