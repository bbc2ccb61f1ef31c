-- simpul_assert(ok, code): raises (SQLSTATE SP001, message = code) unless ok is true. Lets one
-- statement that writes several tables (report intake) abort itself, and so roll back every write,
-- when a check on its own results fails, without a multi-round-trip transaction.
CREATE OR REPLACE FUNCTION simpul_assert(ok boolean, code text) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
  IF ok IS NOT TRUE THEN
    RAISE EXCEPTION USING ERRCODE = 'SP001', MESSAGE = code;
  END IF;
  RETURN true;
END
$$;
