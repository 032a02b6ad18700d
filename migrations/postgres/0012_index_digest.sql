-- A digest of the portfolio index rows a case was last indexed with (issue 19). Most saves change a
-- text and leave every figure as it was; comparing digests lets such a save skip rewriting the
-- case's index rows. NULL means "rewrite on the next write" (a sign-off sets final decisions in
-- place and clears it).
ALTER TABLE cases ADD COLUMN index_digest TEXT;
