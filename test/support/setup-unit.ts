// placeholder until main provides it (not committed)
