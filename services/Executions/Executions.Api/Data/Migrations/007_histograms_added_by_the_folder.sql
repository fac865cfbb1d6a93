-- The folder adds a row's stored histogram to the new runs' itself and writes the sum (RunRollups.UpsertAsync): the
-- merge in SQL took about 36 µs a row, most of a fold's time. Only the folder writes run_stats, one fold at a time.
DROP FUNCTION merge_runtime_bins(int8[], int8[]);
