new File(basedir, 'afile').text = 'a regular file where a directory would have to be'
true
